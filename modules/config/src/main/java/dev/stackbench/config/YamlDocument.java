package dev.stackbench.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One YAML file, parsed once, read through strict typed accessors. Every mistake is a
 * {@link ConfigException} of one line naming the source, the key path, the value as written and
 * what was expected; syntax errors carry the line and column. Duplicate keys are errors.
 *
 * <pre>
 * YamlMap root = YamlDocument.read(file, "suite file '" + file + "'").root("name, workloads and levels");
 * root.allowOnly(List.of("name", "trials"));
 * String name = root.require("name", "a name such as my-suite").text("a name such as my-suite");
 * int trials = root.wholeNumber("trials", 1, 1);   // "trials is \"three\"; expected a whole number >= 1"
 * </pre>
 *
 * Immutable and thread-safe once read.
 */
public final class YamlDocument {
    private final String source;
    private final JsonNode root;

    private YamlDocument(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /**
     * @param file   the YAML file
     * @param source how messages name it, e.g. {@code suite file 's.yaml'} or the file's path
     * @throws ConfigException {@code cannot be read: ...} or {@code not valid YAML (line L, column C): ...}
     */
    public static YamlDocument read(Path file, String source) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(source, "cannot be read: " + e, e);
        }
        return parse(text, source);
    }

    /**
     * @param yaml   the document's text
     * @param source how messages name it
     * @throws ConfigException {@code not valid YAML (line L, column C): ...}
     */
    public static YamlDocument parse(String yaml, String source) {
        YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        try {
            return new YamlDocument(source, mapper.readTree(yaml));
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                // snakeyaml's own words say what is wrong; Jackson's first line only says where it was parsing
                String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
                throw new ConfigException(source, "not valid YAML (line " + (marked.getProblemMark().getLine() + 1) + ", column "
                        + (marked.getProblemMark().getColumn() + 1) + "): " + marked.getProblem() + context, e);
            }
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ConfigException(source, "not valid YAML" + where + ": " + first, e);
        } catch (IOException e) {
            throw new ConfigException(source, "cannot be read: " + e, e);
        }
    }

    /** @return how messages name this document */
    public String source() {
        return source;
    }

    /**
     * @param expected what the top level should hold, for the message, e.g. {@code the fields of docs/suites.md}
     * @return the top-level mapping
     * @throws ConfigException {@code the file is empty; expected ...} or {@code expected a mapping at the top (...), got ...}
     */
    public YamlMap root(String expected) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(source, "the file is empty; expected " + expected);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigException(source, "expected a mapping at the top (" + expected + "), got " + YamlValue.written(root));
        }
        return new YamlMap(object, "", source);
    }
}
