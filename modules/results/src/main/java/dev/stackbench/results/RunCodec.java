package dev.stackbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Locale;

/**
 * Reads and writes {@code run.json}. Output is the machine format: {@code Locale.ROOT}, fields
 * in record-component order, two-space indent, {@code \n} line ends, a final newline; instants
 * as ISO-8601 UTC ({@code 2025-03-01T10:00:00Z}), durations as ISO-8601 ({@code PT10S}).
 * Reading is strict: an unknown field is an error, so that a typo never passes silently.
 * Schema-1 to schema-3 files are read too: {@link SchemaUpgrade} fills the fields they lack first.
 * A trial's {@code detail} is optional in every schema: absent means an ordinary HTTP trial; so are the
 * plan's {@code params} and {@code mix} (absent: not recorded, or no mix measured).
 *
 * <p>Thread-safe once built.
 */
public final class RunCodec {
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public RunCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .defaultLocale(Locale.ROOT)
                .build();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        this.writer = mapper.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    /** @return {@code run} as the text of a {@code run.json} */
    public String write(Run run) {
        try {
            return writer.writeValueAsString(run) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a {@code run.json}, checking its schema version first.
     *
     * @param json the file's text
     * @param source where it came from, for messages (e.g. the file's path)
     * @throws ResultsFormatException NOT_A_RESULTS_DIRECTORY when it is not a Stackbench run file,
     *     NEWER_SCHEMA when written by a newer Stackbench, MALFORMED when a field is wrong
     */
    public Run read(String json, String source) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                    source + " is not valid JSON: " + e.getOriginalMessage()
                            + " (line " + e.getLocation().getLineNr() + ")", e);
        }
        JsonNode version = tree == null ? null : tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ResultsFormatException(ResultsFormatException.Kind.NOT_A_RESULTS_DIRECTORY,
                    source + " has no integer schemaVersion: not a Stackbench run file");
        }
        int schema = version.intValue();
        if (schema > Run.SCHEMA_VERSION) {
            throw new ResultsFormatException(ResultsFormatException.Kind.NEWER_SCHEMA,
                    source + " has schemaVersion " + schema + " but this Stackbench reads up to "
                            + Run.SCHEMA_VERSION + "; use a newer Stackbench to read it");
        }
        if (schema == 1 && tree instanceof ObjectNode v1) {
            SchemaUpgrade.fromV1(v1);
        }
        if (tree instanceof ObjectNode any) {
            // schema 2 had neither; a schema-3 file written before the generator's lagged existed lacks it too
            SchemaUpgrade.fromV2(any);
            SchemaUpgrade.absentDetails(any);
            SchemaUpgrade.absentPlanFields(any);
        }
        try {
            return mapper.treeToValue(tree, Run.class);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                    source + ": " + describe(e) + pathOf(e), e);
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                    source + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Missing creator property '")) {
            return "missing field '" + message.split("'")[1] + "'";
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid content";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** @return e.g. {@code " at trials[3].latencyMicros.p99"}, or empty */
    private static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }
}
