package dev.stackbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One value of a {@link YamlDocument} at a key path ({@code trials}, {@code levels[0].connections}),
 * read as the type the caller expects. A value of another type or out of range is a
 * {@link ConfigException} such as {@code trials is "three"; expected a whole number >= 1}: the path,
 * the value as written ({@link #written()}) and what was expected. Immutable.
 */
public final class YamlValue {
    private static final int MAX_WRITTEN_CHARS = 60;
    private final JsonNode node;
    private final String path;
    private final String source;

    YamlValue(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /** @return where the value is, e.g. {@code levels[0].connections} */
    public String path() {
        return path;
    }

    /** @return the value as written, for messages: {@code "three"}, {@code 3}, {@code a list [...]}, {@code a mapping {...}}, {@code empty} */
    public String written() {
        return written(node);
    }

    /** @return an error saying {@code <path> is <value>; expected <expected>}; the caller throws it */
    public ConfigException invalid(String expected) {
        return new ConfigException(source, path + " is " + written() + "; expected " + expected);
    }

    /** @return true when the value is a list */
    public boolean isList() {
        return node.isArray();
    }

    /** @return true when the value is a mapping */
    public boolean isMap() {
        return node.isObject();
    }

    /**
     * @return the text, stripped of surrounding blanks
     * @throws ConfigException unless the value is a non-blank string (numbers are not text here)
     */
    public String text(String expected) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw invalid(expected);
        }
        return node.textValue().strip();
    }

    /**
     * @return a scalar as text, as written: {@code 5} for {@code 5}, {@code true} for {@code true}
     * @throws ConfigException for a list, a mapping or no value
     */
    public String scalar(String expected) {
        if (!node.isValueNode() || node.isNull()) {
            throw invalid(expected);
        }
        return node.asText();
    }

    /**
     * @return an integer (no fraction, within {@code int})
     * @throws ConfigException naming {@code expected} otherwise
     */
    public int integer(String expected) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid(expected);
        }
        return node.intValue();
    }

    /** @return an integer &gt;= {@code min}, else {@code ... expected a whole number >= min} */
    public int wholeNumber(int min) {
        int n = integer("a whole number >= " + min);
        if (n < min) {
            throw invalid("a whole number >= " + min);
        }
        return n;
    }

    /** @return an integer from {@code min} to {@code max}, else {@code ... expected a whole number from min to max} */
    public int wholeNumber(int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        int n = integer(expected);
        if (n < min || n > max) {
            throw invalid(expected);
        }
        return n;
    }

    /** @return a finite number (integers included), else an error naming {@code expected} */
    public double number(String expected) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw invalid(expected);
        }
        return node.doubleValue();
    }

    /** @return a finite number &gt; 0, else an error naming {@code expected} */
    public double positiveNumber(String expected) {
        double d = number(expected);
        if (!(d > 0)) {
            throw invalid(expected);
        }
        return d;
    }

    /** @return a duration in {@link DurationFormat}'s form ({@code 10s}; a plain number is seconds) */
    public Duration duration() {
        return parsed(DurationFormat.EXPECTED, DurationFormat::parse);
    }

    /** @return a duration &gt; 0, else {@code ... expected a duration > 0 such as 500ms, 10s or 2m} */
    public Duration positiveDuration() {
        Duration d = duration();
        if (d.isZero() || d.isNegative()) {
            throw invalid("a duration > 0 such as 500ms, 10s or 2m");
        }
        return d;
    }

    /**
     * Reads a scalar with the caller's parser, e.g. a CPU set or a workload name.
     *
     * @param parser throws {@link IllegalArgumentException} (or a subclass) for a bad value
     * @throws ConfigException naming {@code expected} when the value is not a scalar or the parser rejects it
     */
    public <T> T parsed(String expected, Function<String, T> parser) {
        String text = scalar(expected).strip();
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw invalid(expected);
        }
    }

    /** @return the mapping, else an error naming {@code expected} */
    public YamlMap map(String expected) {
        if (!(node instanceof ObjectNode object)) {
            throw invalid(expected);
        }
        return new YamlMap(object, path, source);
    }

    /** @return the items of a list (possibly empty), each with its path {@code key[i]}; else an error naming {@code expected} */
    public List<YamlValue> list(String expected) {
        if (!node.isArray()) {
            throw invalid(expected);
        }
        List<YamlValue> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlValue(node.get(i), path + "[" + i + "]", source));
        }
        return items;
    }

    /** @return the items of a list with at least one, else an error naming {@code expected} */
    public List<YamlValue> nonEmptyList(String expected) {
        List<YamlValue> items = list(expected);
        if (items.isEmpty()) {
            throw invalid(expected);
        }
        return items;
    }

    /**
     * @param expected     what the list should be, e.g. {@code a list of contestant ids, e.g. [express, fastapi]}
     * @param itemExpected what each item should be, e.g. {@code a contestant id such as express}
     * @return the non-blank strings of a list
     */
    public List<String> textList(String expected, String itemExpected) {
        return list(expected).stream().map(v -> v.text(itemExpected)).toList();
    }

    static String written(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "empty";
        }
        String text = node.toString();
        if (text.length() > MAX_WRITTEN_CHARS) {
            text = text.substring(0, MAX_WRITTEN_CHARS) + "...";
        }
        if (node.isArray()) {
            return "a list " + text;
        }
        return node.isObject() ? "a mapping " + text : text;
    }
}
