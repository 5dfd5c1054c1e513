package dev.stackbench.runner.suite;

import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The built-in suites, and the lookup of a suite by name or file. */
public final class Suites {
    private static final List<Workload> ALL = List.of(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** On this project's 2-core machines: generator on CPU 0; contestant and PostgreSQL on CPU 1. */
    public static final CpuSets DEFAULT_CPUS = new CpuSets("0", "1", "1");
    /**
     * The A/A pair of seed-table and full: Fastify, the fastest keep-alive server of the articles,
     * whose rate is the most sensitive to the generator's and the machine's noise, so its noise floor
     * is the strictest. The quick suite has none (its four minutes); {@code --aa ID} adds one anywhere.
     */
    public static final String AA = "fastify";
    /** Connections available to open-model levels. */
    public static final int OPEN_CONNECTIONS = 256;

    /**
     * The quick suite's contestants: the frameworks the articles compare (Express, Fastify, FastAPI,
     * Django, Flask) and the baselines they point to (Node's own http module; Go's net/http for
     * "reach for Go"), as many as the quick suite's four minutes allow. {@code --contestants all}
     * measures every one.
     */
    public static final List<String> QUICK_CONTESTANTS = List.of("node-http", "express", "fastify", "fastapi", "django", "flask", "go-nethttp");

    /**
     * The quick contestants x json, user, io, cpu at 100 connections; 3 rounds of 1.5 s trials,
     * after a 1.5 s warm-up the first time a contestant meets a cell and 0.5 s later (it stays up, warm).
     */
    public static final Suite QUICK = new Suite("quick", QUICK_CONTESTANTS, ALL, List.of(new LoadLevel.Closed(100)), OPEN_CONNECTIONS, Optional.empty(),
            3, Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ZERO, TIMEOUT, DEFAULT_CPUS,
            WorkloadParams.DEFAULT);

    /**
     * The seed article's table: json at 1000 connections, 6 rounds of 5 s trials. The first warm-up
     * of each contestant runs until its rate is stable, up to 15 s (a JVM's JIT), later ones 1..3 s.
     * Fastify is measured twice, as the A/A pair ({@link #AA}).
     */
    public static final Suite SEED_TABLE = new Suite("seed-table", List.of(), List.of(Workload.JSON),
            List.of(new LoadLevel.Closed(1000)), OPEN_CONNECTIONS, Optional.empty(), 6, Duration.ofSeconds(15), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofMillis(500), TIMEOUT, DEFAULT_CPUS, WorkloadParams.DEFAULT).withAa(Optional.of(Suites.AA));

    /** Every workload at 16, 64, 256 and 1024 connections, and a latency-at-rate curve; 6 rounds of 10 s trials; the A/A pair {@link #AA}. */
    public static final Suite FULL = new Suite("full", List.of(), ALL,
            List.of(new LoadLevel.Closed(16), new LoadLevel.Closed(64), new LoadLevel.Closed(256), new LoadLevel.Closed(1024)),
            OPEN_CONNECTIONS, Optional.of(RateCurve.DEFAULT), 6, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofSeconds(1), TIMEOUT, DEFAULT_CPUS, WorkloadParams.DEFAULT).withAa(Optional.of(Suites.AA));

    /**
     * The claims suite's contestants: the frameworks the articles name (Express, Fastify, FastAPI,
     * Django, Flask) and the compiled ones they point to ("compiled languages, such as Java"; "reach
     * for Go"): every catalog group a measurable claim compares has a member.
     */
    public static final List<String> CLAIMS_CONTESTANTS = List.of("express", "fastify", "fastapi", "django", "flask",
            "spring-boot", "go-nethttp");

    /** The claims suite's node and python contestants: the groups the connection-scaling claims compare. */
    public static final List<String> SCALING_CONTESTANTS = List.of("express", "fastify", "fastapi", "django", "flask");

    /**
     * The cells the measurable claims of claims/claims.yaml need: json, user, io and cpu at 100
     * connections (the claims that name no level); json, user and io at 1000 (the benchmark table's
     * level and the "high volume of concurrent requests" claims); connection scaling: json and io at
     * 10 connections as well, for the node and python contestants ({@link #SCALING_CONTESTANTS}, the
     * groups those claims compare), so that 10, 100 and 1000 connections stand side by side (10,000,
     * issue 8's top count, costs 12-25 s a trial on this machine, connecting and draining 10,000
     * sockets, and does not fit the 20 minutes: {@code --suite scaling} measures it); realtime
     * (WebSocket fan-out) at 1,000 subscribers, 10 messages a second (the realtime claims name no
     * count; 100 and 10,000 would not fit either; a suite file can ask for them); blocking: json
     * alone at 800 req/s and with 5% /cpu mixed in, also for fastify-workers (Node with a
     * worker-thread pool for /cpu, the articles' own advice; measured on these two cells only). 5 rounds of 1.5 s trials after a 2 s (then 0.5 s)
     * warm-up, no pause (the next trial is another contestant's). Within 20 minutes on a 2-core
     * machine: docs/claims.md shows the sum.
     */
    public static final Suite CLAIMS = new Suite("claims", CLAIMS_CONTESTANTS, ALL,
            List.of(new LoadLevel.Closed(100)), OPEN_CONNECTIONS, Optional.empty(), 5,
            Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ZERO, TIMEOUT,
            DEFAULT_CPUS, WorkloadParams.DEFAULT, Optional.of(new RealtimeCells(List.of(1_000), 10)),
            Optional.of(new BlockingCells(BlockingCells.DEFAULT.ratePerSecond(), BlockingCells.DEFAULT.cpuPercent(), List.of("fastify-workers"))),
            Optional.empty(), Optional.empty(), List.of(
                    new ConnectionCells(List.of(Workload.JSON, Workload.USER, Workload.IO), List.of(1_000), List.of()),
                    new ConnectionCells(List.of(Workload.JSON, Workload.IO), List.of(10), SCALING_CONTESTANTS)));

    /**
     * Connection scaling on its own (issue 8): json and io at 10, 100, 1,000 and 10,000 connections
     * for the node and python contestants, 5 rounds of 3 s trials after a 3 s (then 2 s) warm-up: at
     * 10,000 connections the warm-up opens the sockets and lets the queues settle. The memory per
     * connection and the p99 at the top count answer the connection claims with 10,000 in the range.
     */
    public static final Suite SCALING = new Suite("scaling", SCALING_CONTESTANTS, List.of(), List.of(), OPEN_CONNECTIONS,
            Optional.empty(), 5, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ZERO, TIMEOUT,
            DEFAULT_CPUS, WorkloadParams.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(new ConnectionCells(List.of(Workload.JSON, Workload.IO), List.of(10, 100, 1_000, 10_000), List.of())));

    private Suites() {
    }

    /**
     * @param nameOrFile {@code quick}, {@code seed-table}, {@code full}, {@code claims}, {@code scaling}, or a path to a suite YAML file
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Suite resolve(String nameOrFile) {
        return switch (nameOrFile) {
            case "quick" -> QUICK;
            case "seed-table" -> SEED_TABLE;
            case "full" -> FULL;
            case "claims" -> CLAIMS;
            case "scaling" -> SCALING;
            default -> {
                Path file = Path.of(nameOrFile);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("suite '" + nameOrFile
                            + "' is neither a built-in suite (quick, seed-table, full, claims, scaling) nor a readable YAML file");
                }
                yield new SuiteFile(file).read();
            }
        };
    }
}
