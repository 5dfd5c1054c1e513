package dev.stackbench.lab.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.stackbench.lab.ManifestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates one {@code contestant.yaml}. Every problem is a {@link ManifestException}
 * naming the file, the field, the value found and what was expected:
 *
 * <pre>
 * contestants/express/contestant.yaml: workers.perCpu is "two"; expected an integer &gt;= 0
 * contestants/express/contestant.yaml: missing field 'start'; expected the server's argv, e.g. [node, server.js]
 * </pre>
 *
 * Unknown fields are errors too (they are usually typos). Thread-safe.
 */
public final class ManifestReader {
    /** The file name of a manifest inside a contestant directory. */
    public static final String FILE_NAME = "contestant.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final List<String> FIELDS = List.of("id", "name", "language", "variant", "runtime",
            "framework", "requires", "install", "check", "start", "env", "workers", "ready", "workloads",
            "sources");
    private static final int MAX_VALUE_CHARS = 60;

    private final YAMLMapper yaml = new YAMLMapper();

    /**
     * @param file a {@code contestant.yaml}; its directory name must equal its {@code id}
     * @return the validated manifest, with {@link Manifest#dir()} the file's absolute directory
     * @throws ManifestException when the file is unreadable, not YAML, or any field is wrong
     */
    public Manifest read(Path file) {
        JsonNode root = parse(file);
        Fields f = new Fields(file);
        if (!root.isObject()) {
            throw f.error("expected a mapping of fields (id: ..., start: ...) at the top, got "
                    + describe(root));
        }
        f.noUnknown(root, "", FIELDS);
        Path dir = file.toAbsolutePath().normalize().getParent();
        String id = f.text(root, "id", "the directory name, matching [a-z0-9-]+");
        if (!ID.matcher(id).matches()) {
            throw f.error("id is \"" + id + "\"; expected lower-case letters, digits and '-' ([a-z0-9-]+)");
        }
        String dirName = dir.getFileName().toString();
        if (!id.equals(dirName)) {
            throw f.error("id is \"" + id + "\"; expected the directory name \"" + dirName + "\"");
        }
        return new Manifest(id,
                f.text(root, "name", "a display name, e.g. Express"),
                f.text(root, "language", "a language, e.g. javascript"),
                variant(f, root),
                component(f, root, "runtime", "[node, --version]"),
                component(f, root, "framework", "[node, -p, \"require('express/package.json').version\"]"),
                requirements(f, root),
                f.argvList(root, "install"),
                f.argvList(root, "check"),
                f.argv(root.get("start"), "start", "the server's argv, e.g. [node, server.js]"),
                f.env(root),
                workers(f, root),
                ready(f, root),
                workloads(f, root),
                f.optionalTextList(root, "sources"),
                dir);
    }

    private JsonNode parse(Path file) {
        try {
            JsonNode root = yaml.readTree(Files.readString(file));
            if (root == null || root.isMissingNode()) {
                throw new ManifestException(file, "the file is empty; expected the fields of docs/contestants.md");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ManifestException(file, "not valid YAML" + where + ": " + e.getOriginalMessage().lines()
                    .findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new ManifestException(file, "cannot be read: " + e, e);
        }
    }

    private static Variant variant(Fields f, JsonNode root) {
        if (root.get("variant") == null) {
            return Variant.REALISTIC;
        }
        String v = f.text(root, "variant", "realistic or tuned");
        try {
            return Variant.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.error("variant is \"" + v + "\"; expected realistic or tuned");
        }
    }

    private static Component component(Fields f, JsonNode root, String field, String example) {
        JsonNode node = f.object(root, field, "name: and version: (argv printing the version)");
        f.noUnknown(node, field + ".", List.of("name", "version"));
        return new Component(f.text(node, "name", field + ".", "a display name"),
                f.argv(node.get("version"), field + ".version", "argv printing the version, e.g. " + example));
    }

    private static Requirements requirements(Fields f, JsonNode root) {
        JsonNode node = root.get("requires");
        if (node == null || node.isNull()) {
            return Requirements.none();
        }
        if (!node.isObject()) {
            throw f.error("requires is " + describe(node) + "; expected a mapping with commands: and debian:");
        }
        f.noUnknown(node, "requires.", List.of("commands", "debian"));
        return new Requirements(f.optionalTextList(node, "requires.", "commands"),
                f.optionalTextList(node, "requires.", "debian"));
    }

    private static WorkersRule workers(Fields f, JsonNode root) {
        JsonNode node = f.object(root, "workers", "perCpu:, plus: and source:");
        f.noUnknown(node, "workers.", List.of("perCpu", "plus", "source"));
        JsonNode perCpu = node.get("perCpu");
        if (perCpu == null || !perCpu.canConvertToInt() || !perCpu.isIntegralNumber() || perCpu.intValue() < 0) {
            throw f.error(perCpu == null ? "missing field 'workers.perCpu'; expected an integer >= 0"
                    : "workers.perCpu is " + describe(perCpu) + "; expected an integer >= 0");
        }
        JsonNode plus = node.get("plus");
        if (plus != null && !(plus.isIntegralNumber() && plus.canConvertToInt())) {
            throw f.error("workers.plus is " + describe(plus) + "; expected an integer (0 when absent)");
        }
        String source = f.text(node, "source", "workers.", "the URL of the framework's deployment docs");
        return new WorkersRule(perCpu.intValue(), plus == null ? 0 : plus.intValue(), source);
    }

    private static String ready(Fields f, JsonNode root) {
        String ready = f.text(root, "ready", "a GET path answering 200 once ready, e.g. /json");
        if (!ready.startsWith("/")) {
            throw f.error("ready is \"" + ready + "\"; expected a path starting with /, e.g. /json");
        }
        return ready;
    }

    private static Set<Workload> workloads(Fields f, JsonNode root) {
        String expected = "a non-empty list of " + String.join(", ",
                EnumSet.allOf(Workload.class).stream().map(Workload::label).toList());
        JsonNode node = root.get("workloads");
        if (node == null) {
            throw f.error("missing field 'workloads'; expected " + expected);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw f.error("workloads is " + describe(node) + "; expected " + expected);
        }
        Set<Workload> out = EnumSet.noneOf(Workload.class);
        for (int i = 0; i < node.size(); i++) {
            JsonNode w = node.get(i);
            Workload workload = null;
            for (Workload candidate : Workload.values()) {
                if (w.isTextual() && candidate.label().equals(w.textValue())) {
                    workload = candidate;
                }
            }
            if (workload == null) {
                throw f.error("workloads[" + i + "] is " + describe(w) + "; expected one of " + String.join(", ",
                        EnumSet.allOf(Workload.class).stream().map(Workload::label).toList()));
            }
            out.add(workload);
        }
        return out;
    }

    /** @return the node as the user wrote it, shortened: {@code "two"}, {@code 3}, {@code a list [..]} */
    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "empty";
        }
        String text = node.toString();
        if (text.length() > MAX_VALUE_CHARS) {
            text = text.substring(0, MAX_VALUE_CHARS) + "...";
        }
        if (node.isArray()) {
            return "a list " + text;
        }
        return node.isObject() ? "a mapping " + text : text;
    }

    /** Field readers bound to one file, so that every error names it. */
    private record Fields(Path file) {
        ManifestException error(String problem) {
            return new ManifestException(file, problem);
        }

        void noUnknown(JsonNode node, String prefix, List<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    throw error("unknown field '" + prefix + name + "'; expected one of " + String.join(", ", known));
                }
            }
        }

        String text(JsonNode parent, String field, String expected) {
            return text(parent, field, "", expected);
        }

        String text(JsonNode parent, String field, String prefix, String expected) {
            JsonNode node = parent.get(field);
            if (node == null) {
                throw error("missing field '" + prefix + field + "'; expected " + expected);
            }
            if (!node.isTextual() || node.textValue().isBlank()) {
                throw error(prefix + field + " is " + describe(node) + "; expected " + expected);
            }
            return node.textValue().strip();
        }

        JsonNode object(JsonNode parent, String field, String expected) {
            JsonNode node = parent.get(field);
            if (node == null) {
                throw error("missing field '" + field + "'; expected a mapping with " + expected);
            }
            if (!node.isObject()) {
                throw error(field + " is " + describe(node) + "; expected a mapping with " + expected);
            }
            return node;
        }

        /** An argv: a non-empty list of scalars (numbers are taken as their text, e.g. [sleep, 5]). */
        List<String> argv(JsonNode node, String path, String expected) {
            if (node == null) {
                throw error("missing field '" + path + "'; expected " + expected);
            }
            if (!node.isArray() || node.isEmpty()) {
                throw error(path + " is " + describe(node) + "; expected " + expected);
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode arg = node.get(i);
                if (!arg.isValueNode() || arg.isNull()) {
                    throw error(path + "[" + i + "] is " + describe(arg) + "; expected a string");
                }
                out.add(arg.asText());
            }
            if (out.get(0).isBlank()) {
                throw error(path + "[0] is empty; expected the program to run");
            }
            return out;
        }

        List<List<String>> argvList(JsonNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return List.of();
            }
            String expected = "a list of argv lists, e.g. [[npm, ci]]";
            if (!node.isArray()) {
                throw error(field + " is " + describe(node) + "; expected " + expected);
            }
            List<List<String>> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(argv(node.get(i), field + "[" + i + "]", "an argv list, e.g. [npm, ci]"));
            }
            return out;
        }

        List<String> optionalTextList(JsonNode parent, String field) {
            return optionalTextList(parent, "", field);
        }

        List<String> optionalTextList(JsonNode parent, String prefix, String field) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error(prefix + field + " is " + describe(node) + "; expected a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isTextual() || item.textValue().isBlank()) {
                    throw error(prefix + field + "[" + i + "] is " + describe(item) + "; expected a non-empty string");
                }
                out.add(item.textValue());
            }
            return out;
        }

        Map<String, String> env(JsonNode root) {
            JsonNode node = root.get("env");
            Map<String, String> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                throw error("env is " + describe(node) + "; expected a mapping of NAME: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw error("env has the name \"" + e.getKey() + "\"; expected [A-Za-z_][A-Za-z0-9_]*");
                }
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw error("env." + e.getKey() + " is " + describe(e.getValue()) + "; expected a string or number");
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }
    }
}
