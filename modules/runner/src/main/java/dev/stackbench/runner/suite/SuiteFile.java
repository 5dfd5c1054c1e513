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
 * workloads: [json, user, io, cpu]    # required; also realtime and blocking (below)
 * levels:                             # closed: {connections: N}; open: {rate: R}; required with an HTTP workload
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
 * realtime: {subscribers: [100, 1000, 10000], publishRate: 10}  # with workload realtime; these are the defaults
 * blocking: {rate: 800, cpuPercent: 5}                        # with workload blocking; these are the defaults
 *                                     # (variants: [fastify-workers]: measured on the blocking cells only)
 * aa: express                         # optional: measure this contestant twice, as the A/A pair
 * scaling:                            # optional closed-model cells beside the matrix (connection scaling)
 *   - {workloads: [json, io], connections: [10, 1000, 10000], contestants: [fastify, django]}
 * </pre>
 */
final class SuiteFile {
    static final List<String> KEYS = List.of("name", "contestants", "workloads", "levels", "openConnections", "curve", "trials",
            "warmup", "rewarm", "duration", "pause", "timeout", "cpus", "params", "realtime", "blocking", "aa", "scaling");
    private static final String NAME = "lower-case letters, digits and dashes, e.g. my-suite";
    private static final String CONTESTANTS = "a list of contestant ids, e.g. [express, fastapi]";
    private static final String WORKLOADS = "a list such as [json, user, io, cpu, realtime, blocking]";
    private static final String WORKLOAD = "one of json, user, io, cpu, realtime, blocking";
    private static final String REALTIME = "a mapping such as {subscribers: [100, 1000, 10000], publishRate: 10}";
    private static final String BLOCKING = "a mapping such as {rate: 200, cpuPercent: 5}";
    private static final String LEVELS = "a list such as [{connections: 64}, {rate: 2000}]";
    private static final String LEVEL = "{connections: N} or {rate: R}";
    private static final String SCALING = "a list such as [{workloads: [json, io], connections: [10, 1000, 10000]}]";
    private static final String SCALING_ITEM = "a mapping such as {workloads: [json, io], connections: [10, 1000, 10000], contestants: [fastify]}";
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
        boolean realtime = false;
        boolean blocking = false;
        for (YamlValue w : root.require("workloads", WORKLOADS).nonEmptyList(WORKLOADS)) {
            String label = w.text(WORKLOAD).toLowerCase(java.util.Locale.ROOT);
            if (label.equals("realtime")) {
                realtime = true;
            } else if (label.equals("blocking")) {
                blocking = true;
            } else {
                workloads.add(w.parsed(WORKLOAD, SuiteFile::httpWorkload));
            }
        }
        Optional<RealtimeCells> realtimeCells = cells(root, "realtime", realtime, REALTIME, SuiteFile::realtime);
        Optional<BlockingCells> blockingCells = cells(root, "blocking", blocking, BLOCKING, SuiteFile::blocking);
        Optional<RateCurve> curve = root.map("curve", "a mapping such as {fractions: [0.25, 0.5, 1.0]}").map(SuiteFile::curve);
        // with a curve, or with only realtime and blocking, the levels may be left out, as Suite allows
        List<YamlValue> levelValues = curve.isPresent() || workloads.isEmpty()
                ? root.get("levels").map(v -> v.list(LEVELS)).orElse(List.of())
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
        List<ConnectionCells> scaling = new ArrayList<>();
        for (YamlValue item : root.get("scaling").map(v -> v.nonEmptyList(SCALING)).orElse(List.of())) {
            scaling.add(scaling(item, contestants));
        }
        return new Suite(name, contestants, workloads, levels, root.wholeNumber("openConnections", 1, Suites.OPEN_CONNECTIONS), curve,
                root.wholeNumber("trials", 1, 3), root.duration("warmup", WARMUP), root.duration("rewarm", REWARM), root.positiveDuration("duration", DURATION),
                root.duration("pause", PAUSE), root.positiveDuration("timeout", TIMEOUT), cpus, params, realtimeCells, blockingCells, aa, Optional.empty(), scaling);
    }

    private static ConnectionCells scaling(YamlValue item, List<String> suiteContestants) {
        YamlMap m = item.map(SCALING_ITEM).allowOnly(List.of("workloads", "connections", "contestants"));
        List<Workload> workloads = new ArrayList<>();
        for (YamlValue w : m.require("workloads", "a list such as [json, io]").nonEmptyList("a list such as [json, io]")) {
            Workload workload = w.parsed("one of json, user, io, cpu", SuiteFile::httpWorkload);
            if (workloads.contains(workload)) {
                throw w.invalid("a workload not listed before");
            }
            workloads.add(workload);
        }
        List<Integer> counts = new ArrayList<>();
        for (YamlValue c : m.require("connections", "a list such as [10, 1000, 10000]").nonEmptyList("a list such as [10, 1000, 10000]")) {
            int n = c.wholeNumber(1, 100_000);
            if (counts.contains(n)) {
                throw c.invalid("a connection count not listed before");
            }
            counts.add(n);
        }
        String among = suiteContestants.isEmpty() ? "a contestant id such as fastify" : "one of the suite's contestants " + suiteContestants;
        List<String> ids = new ArrayList<>();
        for (YamlValue v : m.get("contestants").map(x -> x.nonEmptyList(CONTESTANTS)).orElse(List.of())) {
            String id = v.text(among);
            if (!id.matches("[a-z0-9][a-z0-9-]*") || !(suiteContestants.isEmpty() || suiteContestants.contains(id))) {
                throw v.invalid(among);
            }
            ids.add(id);
        }
        return new ConnectionCells(workloads, counts, ids);
    }

    private static Workload httpWorkload(String label) {
        if (label.equals("realtime") || label.equals("blocking")) {
            throw new IllegalArgumentException(label);
        }
        return WorkloadParams.parse(label);
    }

    /** @return the cells of {@code key} when the workloads list it (its mapping or the defaults); an error for a mapping without the workload */
    private static <T> Optional<T> cells(YamlMap root, String key, boolean listed, String expected,
                                         java.util.function.Function<Optional<YamlMap>, T> read) {
        Optional<YamlMap> node = root.map(key, expected);
        if (node.isPresent() && !listed) {
            throw root.error(key + " is given but workloads does not list " + key + "; expected " + key + " in workloads, e.g. [json, " + key + "]");
        }
        return listed ? Optional.of(read.apply(node)) : Optional.empty();
    }

    private static RealtimeCells realtime(Optional<YamlMap> node) {
        Optional<YamlMap> r = node.map(m -> m.allowOnly(List.of("subscribers", "publishRate")));
        List<Integer> subscribers = new ArrayList<>();
        r.flatMap(m -> m.get("subscribers")).ifPresent(list -> {
            for (YamlValue v : list.nonEmptyList("a list of subscriber counts such as [100, 1000, 10000]")) {
                int n = v.wholeNumber(1, 100_000);
                if (subscribers.contains(n)) {
                    throw v.invalid("a subscriber count not listed before");
                }
                subscribers.add(n);
            }
        });
        double rate = r.flatMap(m -> m.get("publishRate")).map(v -> v.positiveNumber("messages per second > 0"))
                .orElse(RealtimeCells.DEFAULT_PUBLISH_PER_SECOND);
        return new RealtimeCells(subscribers.isEmpty() ? RealtimeCells.DEFAULT_SUBSCRIBERS : subscribers, rate);
    }

    private static BlockingCells blocking(Optional<YamlMap> node) {
        Optional<YamlMap> b = node.map(m -> m.allowOnly(List.of("rate", "cpuPercent", "variants")));
        double rate = b.flatMap(m -> m.get("rate")).map(v -> v.positiveNumber("requests per second > 0"))
                .orElse(BlockingCells.DEFAULT.ratePerSecond());
        int cpuPercent = b.flatMap(m -> m.get("cpuPercent")).map(v -> v.wholeNumber(1, 50)).orElse(BlockingCells.DEFAULT.cpuPercent());
        List<String> variants = b.flatMap(m -> m.get("variants")).map(v -> v.textList(CONTESTANTS, "a contestant id such as fastify-workers"))
                .orElse(List.of());
        return new BlockingCells(rate, cpuPercent, variants);
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
