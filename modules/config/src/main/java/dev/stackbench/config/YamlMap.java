package dev.stackbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A mapping of a {@link YamlDocument} at a key path ({@code ""} at the top, {@code cpus},
 * {@code levels[0]}). A key written with no value ({@code trials:}) counts as absent. Immutable.
 */
public final class YamlMap {
    private final ObjectNode node;
    private final String path;
    private final String source;

    YamlMap(ObjectNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /** @return where this mapping is, e.g. {@code cpus} or {@code levels[1]}; empty at the top */
    public String path() {
        return path;
    }

    /**
     * @param known the keys this mapping may hold, in the order the message lists them
     * @return this mapping
     * @throws ConfigException {@code unknown field 'cpus.gen'; expected one of generator, server, database}
     */
    public YamlMap allowOnly(Collection<String> known) {
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw error("unknown field '" + child(key) + "'; expected one of " + String.join(", ", known));
            }
        }
        return this;
    }

    /** @return the keys as written, in order */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** @return true when {@code key} is present with a value */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** @return the value of {@code key}; empty when absent or written without a value */
    public Optional<YamlValue> get(String key) {
        return has(key) ? Optional.of(new YamlValue(node.get(key), child(key), source)) : Optional.empty();
    }

    /**
     * @param expected what the key should hold, for the message
     * @throws ConfigException {@code missing field 'start'; expected ...}, or {@code start is empty; expected ...}
     *     when written without a value
     */
    public YamlValue require(String key, String expected) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw error("missing field '" + child(key) + "'; expected " + expected);
        }
        return new YamlValue(v, child(key), source);
    }

    /** @return the required non-blank text of {@code key}, stripped (see {@link YamlValue#text}) */
    public String text(String key, String expected) {
        return require(key, expected).text(expected);
    }

    /** @return the whole number of {@code key}, at least {@code min}; {@code fallback} when absent */
    public int wholeNumber(String key, int min, int fallback) {
        return get(key).map(v -> v.wholeNumber(min)).orElse(fallback);
    }

    /** @return the duration of {@code key} (see {@link DurationFormat}); {@code fallback} when absent */
    public Duration duration(String key, Duration fallback) {
        return get(key).map(YamlValue::duration).orElse(fallback);
    }

    /** @return the duration of {@code key}, more than zero; {@code fallback} when absent */
    public Duration positiveDuration(String key, Duration fallback) {
        return get(key).map(YamlValue::positiveDuration).orElse(fallback);
    }

    /** @return the mapping of {@code key}; empty when absent */
    public Optional<YamlMap> map(String key, String expected) {
        return get(key).map(v -> v.map(expected));
    }

    /** @return an error about this mapping: the source, then {@code problem} */
    public ConfigException error(String problem) {
        return new ConfigException(source, problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
