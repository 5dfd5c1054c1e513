package dev.stackbench.runner.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's suite in YAML. Every error names the file, the field, the value and what was expected.
 *
 * <pre>
 * name: my-suite                      # required: [a-z0-9-]+
 * contestants: [express, fastapi]     # optional; default every installed contestant
 * workloads: [json, user, io, cpu]    # required
 * levels:                             # closed: {connections: N}; open: {rate: R}
 *   - connections: 64
 *   - {rate: 2000}
 * openConnections: 256                # connections open-model levels may use; default 256
 * curve: {fractions: [0.25, 0.5, 1.0]}  # optional open-model curve (fractions of the best closed req/s)
 * trials: 3                           # default 1
 * warmup: 5s                          # default 2s; before a contestant's first trial of a cell
 * rewarm: 1s                          # default 1s; before its later trials
 * duration: 10s                       # default 10s
 * pause: 1s                           # default 1s
 * timeout: 10s                        # default 10s
 * cpus: {generator: "0", server: "1", database: "1"}
 * params: {ioMillis: 50, cpuN: 10000}
 * </pre>
 */
final class SuiteFile {
    private static final Set<String> KEYS = Set.of("name", "contestants", "workloads", "levels", "openConnections", "curve", "trials", "warmup", "rewarm",
            "duration", "pause", "timeout", "cpus", "params");
    private final Path file;

    SuiteFile(Path file) {
        this.file = file;
    }

    Suite read() {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw error("is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw error("must be a YAML mapping with at least name, workloads and levels");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw error("has an unknown field '" + key + "': expected one of " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String name = text(root, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw error("field 'name' is '" + name + "': expected lower-case letters, digits and dashes");
        }
        List<String> contestants = new ArrayList<>();
        root.path("contestants").forEach(c -> contestants.add(c.asText()));
        List<Workload> workloads = new ArrayList<>();
        if (!root.path("workloads").isArray() || root.path("workloads").isEmpty()) {
            throw error("field 'workloads' is missing: expected a list such as [json, user, io, cpu]");
        }
        for (JsonNode w : root.path("workloads")) {
            try {
                workloads.add(WorkloadParams.parse(w.asText()));
            } catch (IllegalArgumentException e) {
                throw error("field 'workloads': " + e.getMessage());
            }
        }
        List<LoadLevel> levels = new ArrayList<>();
        for (JsonNode l : root.path("levels")) {
            levels.add(level(l));
        }
        Optional<RateCurve> curve = Optional.empty();
        if (root.has("curve")) {
            JsonNode c = root.get("curve");
            List<Double> fractions = new ArrayList<>();
            c.path("fractions").forEach(f -> fractions.add(f.asDouble()));
            try {
                curve = Optional.of(new RateCurve(fractions.isEmpty() ? RateCurve.DEFAULT.fractions() : fractions,
                        RateCurve.DEFAULT.maxErrorFraction(),
                        RateCurve.DEFAULT.p99BreakdownFactor()));
            } catch (IllegalArgumentException e) {
                throw error("field 'curve': " + e.getMessage());
            }
        }
        if (levels.isEmpty() && curve.isEmpty()) {
            throw error("field 'levels' is missing: expected a list such as [{connections: 64}, {rate: 2000}]");
        }
        JsonNode cpusNode = root.path("cpus");
        String server = cpusNode.path("server").asText(Suites.DEFAULT_CPUS.server());
        CpuSets cpus = new CpuSets(cpuList(cpusNode, "generator", Suites.DEFAULT_CPUS.generator()), cpuList(cpusNode, "server", server),
                cpuList(cpusNode, "database", server));
        int openConnections = root.path("openConnections").asInt(Suites.OPEN_CONNECTIONS);
        if (openConnections < 1) {
            throw error("field 'openConnections' is " + root.path("openConnections").asText() + ": expected a whole number >= 1");
        }
        WorkloadParams params;
        try {
            params = new WorkloadParams(root.path("params").path("ioMillis").asInt(WorkloadParams.DEFAULT.ioMillis()),
                    root.path("params").path("cpuN").asInt(WorkloadParams.DEFAULT.cpuN()));
        } catch (IllegalArgumentException e) {
            throw error("field 'params': " + e.getMessage());
        }
        int trials = root.path("trials").asInt(1);
        if (trials < 1) {
            throw error("field 'trials' is " + root.path("trials").asText() + ": expected a whole number >= 1");
        }
        return new Suite(name, contestants, workloads, levels, openConnections, curve, trials, duration(root, "warmup", "2s"), duration(root, "rewarm", "1s"),
                positive(root, "duration", "10s"), duration(root, "pause", "1s"), positive(root, "timeout", "10s"), cpus, params);
    }

    private LoadLevel level(JsonNode l) {
        if (l.has("rate")) {
            double rate = l.path("rate").asDouble(0);
            if (!(rate > 0)) {
                throw error("a level in 'levels' has rate '" + l.path("rate").asText() + "': expected requests per second > 0");
            }
            return new LoadLevel.Open(rate);
        }
        int connections = l.path("connections").asInt(0);
        if (connections < 1) {
            throw error("a level in 'levels' has connections '" + l.path("connections").asText() + "': expected a whole number >= 1");
        }
        return new LoadLevel.Closed(connections);
    }

    private String cpuList(JsonNode cpus, String field, String fallback) {
        String text = cpus.path(field).asText(fallback);
        try {
            return CpuSet.parse(text).toString();
        } catch (InvalidInputException e) {
            throw error("field 'cpus." + field + "': " + e.getMessage());
        }
    }

    private String text(JsonNode root, String field) {
        if (!root.hasNonNull(field)) {
            throw error("field '" + field + "' is missing");
        }
        return root.get(field).asText();
    }

    private Duration positive(JsonNode root, String field, String fallback) {
        Duration d = duration(root, field, fallback);
        if (d.isZero()) {
            throw error("field '" + field + "' is " + root.path(field).asText() + ": expected more than 0");
        }
        return d;
    }

    private Duration duration(JsonNode root, String field, String fallback) {
        String text = root.path(field).asText(fallback).trim();
        try {
            return DurationFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw error("field '" + field + "' is '" + text + "': expected a duration such as 500ms, 10s or 2m");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("suite file '" + file + "' " + message);
    }
}
