package dev.stackbench.runner.suite;

import dev.stackbench.config.ConfigException;
import dev.stackbench.config.YamlDocument;
import dev.stackbench.config.YamlMap;
import dev.stackbench.config.YamlValue;
import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's suite in YAML (docs/suites.md), read strictly: every mistake is a {@link ConfigException}
 * of one line naming the file, the field, the value as written and what was expected, e.g.
 * {@code suite file 's.yaml': trials is "three"; expected a whole number >= 1}.
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
 * trials: 6                           # default 3: rounds, each a trial per contestant and cell
 * warmup: 5s                          # default 2s; before a contestant's first trial of a cell
 * rewarm: 1s                          # default 1s; before its later trials
 * duration: 10s                       # default 10s
 * pause: 1s                           # default 1s
 * timeout: 10s                        # default 10s
 * cpus: {generator: "0", server: "1", database: "1"}
 * params: {ioMillis: 50, cpuN: 10000}
 * aa: express                         # optional: measure this contestant twice, as the A/A pair
 * </pre>
 */
final class SuiteFile {
    static final List<String> KEYS = List.of("name", "contestants", "workloads", "levels", "openConnections", "curve", "trials",
            "warmup", "rewarm", "duration", "pause", "timeout", "cpus", "params", "aa");
    private static final String NAME = "lower-case letters, digits and dashes, e.g. my-suite";
    private static final String CONTESTANTS = "a list of contestant ids, e.g. [express, fastapi]";
    private static final String WORKLOADS = "a list such as [json, user, io, cpu]";
    private static final String WORKLOAD = "one of json, user, io, cpu";
    private static final String LEVELS = "a list such as [{connections: 64}, {rate: 2000}]";
    private static final String LEVEL = "{connections: N} or {rate: R}";
    private static final String CPUS = "CPU numbers and ranges such as 1 or 0-3,6";
    private static final Duration WARMUP = Duration.ofSeconds(2);
    private static final Duration REWARM = Duration.ofSeconds(1);
    private static final Duration DURATION = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final Path file;

    SuiteFile(Path file) {
        this.file = file;
    }

    /** @throws ConfigException for the first mistake in the file */
    Suite read() {
        YamlMap root = YamlDocument.read(file, "suite file '" + file + "'").root("the fields of docs/suites.md: name, workloads, levels, ...")
                .allowOnly(KEYS);
        String name = root.text("name", NAME);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw root.require("name", NAME).invalid(NAME);
        }
        List<String> contestants = root.get("contestants").map(v -> v.textList(CONTESTANTS, "a contestant id such as express"))
                .orElse(List.of());
        List<Workload> workloads = new ArrayList<>();
        for (YamlValue w : root.require("workloads", WORKLOADS).nonEmptyList(WORKLOADS)) {
            workloads.add(w.parsed(WORKLOAD, WorkloadParams::parse));
        }
        Optional<RateCurve> curve = root.map("curve", "a mapping such as {fractions: [0.25, 0.5, 1.0]}").map(SuiteFile::curve);
        // with a curve the levels may be left out, as Suite allows
        List<YamlValue> levelValues = curve.isPresent() ? root.get("levels").map(v -> v.list(LEVELS)).orElse(List.of())
                : root.require("levels", LEVELS).nonEmptyList(LEVELS);
        List<LoadLevel> levels = new ArrayList<>();
        for (YamlValue l : levelValues) {
            levels.add(level(l));
        }
        CpuSets cpus = cpus(root.map("cpus", "a mapping such as {generator: \"0\", server: \"1\", database: \"1\"}"));
        WorkloadParams params = params(root.map("params", "a mapping such as {ioMillis: 50, cpuN: 10000}"));
        Optional<String> aa = Optional.empty();
        if (root.has("aa")) {
            String aaExpected = contestants.isEmpty() ? "a contestant id such as fastify" : "one of the suite's contestants " + contestants;
            String id = root.text("aa", aaExpected);
            if (!id.matches("[a-z0-9][a-z0-9-]*") || !(contestants.isEmpty() || contestants.contains(id))) {
                throw root.require("aa", aaExpected).invalid(aaExpected);
            }
            aa = Optional.of(id);
        }
        return new Suite(name, contestants, workloads, levels, root.wholeNumber("openConnections", 1, Suites.OPEN_CONNECTIONS), curve,
                root.wholeNumber("trials", 1, 3), root.duration("warmup", WARMUP), root.duration("rewarm", REWARM), root.positiveDuration("duration", DURATION),
                root.duration("pause", PAUSE), root.positiveDuration("timeout", TIMEOUT), cpus, params, aa, Optional.empty());
    }

    private static LoadLevel level(YamlValue value) {
        YamlMap l = value.map(LEVEL).allowOnly(List.of("connections", "rate"));
        if (l.has("connections") == l.has("rate")) {
            throw value.invalid(LEVEL);
        }
        if (l.has("rate")) {
            return new LoadLevel.Open(l.require("rate", "").positiveNumber("requests per second > 0"));
        }
        return new LoadLevel.Closed(l.require("connections", "").wholeNumber(1));
    }

    private static RateCurve curve(YamlMap c) {
        c.allowOnly(List.of("fractions"));
        List<Double> fractions = new ArrayList<>();
        c.get("fractions").ifPresent(list -> list.nonEmptyList("a list such as [0.25, 0.5, 1.0]")
                .forEach(f -> fractions.add(f.positiveNumber("a fraction of the best closed-model rate > 0, e.g. 0.5"))));
        return new RateCurve(fractions.isEmpty() ? RateCurve.DEFAULT.fractions() : fractions, RateCurve.DEFAULT.maxErrorFraction(),
                RateCurve.DEFAULT.p99BreakdownFactor());
    }

    private static CpuSets cpus(Optional<YamlMap> node) {
        Optional<YamlMap> c = node.map(m -> m.allowOnly(List.of("generator", "server", "database")));
        String generator = cpuSet(c, "generator").orElse(Suites.DEFAULT_CPUS.generator());
        String server = cpuSet(c, "server").orElse(Suites.DEFAULT_CPUS.server());
        // PostgreSQL follows the server unless told otherwise, as on the command line
        return new CpuSets(generator, server, cpuSet(c, "database").orElse(server));
    }

    private static Optional<String> cpuSet(Optional<YamlMap> cpus, String key) {
        return cpus.flatMap(c -> c.get(key)).map(v -> v.parsed(CPUS, SuiteFile::cpuSet));
    }

    private static String cpuSet(String text) {
        try {
            return CpuSet.parse(text).toString();
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static WorkloadParams params(Optional<YamlMap> node) {
        Optional<YamlMap> p = node.map(m -> m.allowOnly(List.of("ioMillis", "cpuN")));
        int ioMillis = p.flatMap(m -> m.get("ioMillis")).map(v -> v.wholeNumber(0, 10_000)).orElse(WorkloadParams.DEFAULT.ioMillis());
        int cpuN = p.flatMap(m -> m.get("cpuN")).map(v -> v.wholeNumber(1, 1_000_000)).orElse(WorkloadParams.DEFAULT.cpuN());
        return new WorkloadParams(ioMillis, cpuN);
    }
}
