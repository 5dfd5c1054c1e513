package dev.stackbench.lab.manifest;

import dev.stackbench.config.ConfigException;
import dev.stackbench.config.YamlDocument;
import dev.stackbench.config.YamlMap;
import dev.stackbench.config.YamlValue;
import dev.stackbench.lab.ManifestException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates one {@code contestant.yaml} with the strict reader of
 * {@link dev.stackbench.config}. Every problem is a {@link ManifestException} naming the file,
 * the field, the value found and what was expected:
 *
 * <pre>
 * contestants/express/contestant.yaml: workers.perCpu is "two"; expected a whole number &gt;= 0
 * contestants/express/contestant.yaml: missing field 'start'; expected the server's argv, e.g. [node, server.js]
 * </pre>
 *
 * Unknown fields are errors too (they are usually typos). Thread-safe.
 */
public final class ManifestReader {
    /** The file name of a manifest inside a contestant directory. */
    public static final String FILE_NAME = "contestant.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> FIELDS = List.of("id", "name", "language", "variant", "runtime",
            "framework", "requires", "install", "check", "start", "env", "workers", "ready", "workloads",
            "notImplemented", "sources");

    /**
     * @param file a {@code contestant.yaml}; its directory name must equal its {@code id}
     * @return the validated manifest, with {@link Manifest#dir()} the file's absolute directory
     * @throws ManifestException when the file is unreadable, not YAML, or any field is wrong
     */
    public Manifest read(Path file) {
        try {
            return read(YamlDocument.read(file, file.toString()).root("the fields of docs/contestants.md").allowOnly(FIELDS),
                    file.toAbsolutePath().normalize().getParent());
        } catch (ConfigException e) {
            throw new ManifestException(file, e.problem(), e);
        }
    }

    private static Manifest read(YamlMap root, Path dir) {
        String id = root.text("id", "the directory name, matching [a-z0-9-]+");
        if (!ID.matcher(id).matches()) {
            throw root.error("id is \"" + id + "\"; expected lower-case letters, digits and '-' ([a-z0-9-]+)");
        }
        String dirName = dir.getFileName().toString();
        if (!id.equals(dirName)) {
            throw root.error("id is \"" + id + "\"; expected the directory name \"" + dirName + "\"");
        }
        Set<Workload> workloads = workloads(root);
        return new Manifest(id,
                root.text("name", "a display name, e.g. Express"),
                root.text("language", "a language, e.g. javascript"),
                variant(root),
                component(root, "runtime", "[node, --version]"),
                component(root, "framework", "[node, -p, \"require('express/package.json').version\"]"),
                requirements(root),
                argvList(root, "install"),
                argvList(root, "check"),
                argv(root.require("start", "the server's argv, e.g. [node, server.js]"), "the server's argv, e.g. [node, server.js]"),
                env(root),
                workers(root),
                ready(root),
                workloads,
                textList(root, "sources"),
                dir,
                notImplemented(root, workloads));
    }

    /** {@code notImplemented: {realtime: "reason"}}: workloads not in {@code workloads}, each with a non-empty reason. */
    private static Map<Workload, String> notImplemented(YamlMap root, Set<Workload> workloads) {
        List<String> labels = EnumSet.allOf(Workload.class).stream().map(Workload::label).toList();
        Map<Workload, String> out = new EnumMap<>(Workload.class);
        root.map("notImplemented", "a mapping of workload: reason, e.g. {realtime: \"why not\"}").ifPresent(m -> {
            for (String label : m.keys()) {
                Workload w = EnumSet.allOf(Workload.class).stream().filter(c -> c.label().equals(label)).findFirst()
                        .orElseThrow(() -> m.error("notImplemented names \"" + label + "\"; expected one of "
                                + String.join(", ", labels)));
                if (workloads.contains(w)) {
                    throw m.error("notImplemented names " + label + ", which workloads lists; expected only workloads"
                            + " the contestant does not implement");
                }
                out.put(w, m.text(label, "the reason it is not implemented"));
            }
        });
        return out;
    }

    private static Variant variant(YamlMap root) {
        if (!root.has("variant")) {
            return Variant.REALISTIC;
        }
        YamlValue v = root.require("variant", "realistic or tuned");
        try {
            return Variant.valueOf(v.text("realistic or tuned").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw v.invalid("realistic or tuned");
        }
    }

    private static Component component(YamlMap root, String field, String example) {
        String expected = "a mapping with name: and version: (argv printing the version)";
        YamlMap node = root.require(field, expected).map(expected).allowOnly(List.of("name", "version"));
        String versionExpected = "argv printing the version, e.g. " + example;
        return new Component(node.text("name", "a display name"), argv(node.require("version", versionExpected), versionExpected));
    }

    private static Requirements requirements(YamlMap root) {
        return root.map("requires", "a mapping with commands: and debian:")
                .map(r -> r.allowOnly(List.of("commands", "debian")))
                .map(r -> new Requirements(textList(r, "commands"), textList(r, "debian")))
                .orElse(Requirements.none());
    }

    private static WorkersRule workers(YamlMap root) {
        String expected = "a mapping with perCpu:, plus: and source:";
        YamlMap node = root.require("workers", expected).map(expected).allowOnly(List.of("perCpu", "plus", "source"));
        int perCpu = node.require("perCpu", "a whole number >= 0").wholeNumber(0);
        int plus = node.get("plus").map(v -> v.integer("a whole number (0 when absent)")).orElse(0);
        return new WorkersRule(perCpu, plus, node.text("source", "the URL of the framework's deployment docs"));
    }

    private static String ready(YamlMap root) {
        String ready = root.text("ready", "a GET path answering 200 once ready, e.g. /json");
        if (!ready.startsWith("/")) {
            throw root.error("ready is \"" + ready + "\"; expected a path starting with /, e.g. /json");
        }
        return ready;
    }

    private static Set<Workload> workloads(YamlMap root) {
        List<String> labels = EnumSet.allOf(Workload.class).stream().map(Workload::label).toList();
        String expected = "a non-empty list of " + String.join(", ", labels);
        Set<Workload> out = EnumSet.noneOf(Workload.class);
        for (YamlValue w : root.require("workloads", expected).nonEmptyList(expected)) {
            String label = w.isList() || w.isMap() ? "" : w.scalar("one of " + String.join(", ", labels));
            out.add(EnumSet.allOf(Workload.class).stream().filter(c -> c.label().equals(label)).findFirst()
                    .orElseThrow(() -> w.invalid("one of " + String.join(", ", labels))));
        }
        return out;
    }

    /** An argv: a non-empty list of scalars (numbers are taken as their text, e.g. [sleep, 5]). */
    private static List<String> argv(YamlValue value, String expected) {
        List<String> out = new ArrayList<>();
        List<YamlValue> items = value.nonEmptyList(expected);
        for (YamlValue arg : items) {
            out.add(arg.scalar("a string"));
        }
        if (out.get(0).isBlank()) {
            throw items.get(0).invalid("the program to run");
        }
        return out;
    }

    private static List<List<String>> argvList(YamlMap root, String field) {
        List<List<String>> out = new ArrayList<>();
        root.get(field).ifPresent(v -> v.list("a list of argv lists, e.g. [[npm, ci]]")
                .forEach(step -> out.add(argv(step, "an argv list, e.g. [npm, ci]"))));
        return out;
    }

    private static List<String> textList(YamlMap parent, String field) {
        return parent.get(field).map(v -> v.textList("a list of strings", "a non-empty string")).orElse(List.of());
    }

    private static Map<String, String> env(YamlMap root) {
        Map<String, String> out = new LinkedHashMap<>();
        root.map("env", "a mapping of NAME: value").ifPresent(env -> {
            for (String name : env.keys()) {
                if (!ENV_NAME.matcher(name).matches()) {
                    throw env.error("env has the name \"" + name + "\"; expected [A-Za-z_][A-Za-z0-9_]*");
                }
                out.put(name, env.require(name, "a string or number").scalar("a string or number"));
            }
        });
        return out;
    }
}
