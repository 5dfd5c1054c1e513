package dev.stackbench.runner;

import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.manifest.Component;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Requirements;
import dev.stackbench.lab.manifest.Variant;
import dev.stackbench.lab.manifest.WorkersRule;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.results.ReferenceMeasurement;
import dev.stackbench.runner.reference.ReferenceServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drift reference of a run: Stackbench's own {@link ReferenceServer}, started by the lab like a
 * contestant (pinned to the server CPUs), measured under the same closed-model load between rounds.
 * Its throughput changes only when the machine's speed does; the reports say so when it varied.
 */
public final class DriftReference implements AutoCloseable {
    /** Connections of every reference measurement. */
    public static final int CONNECTIONS = 16;
    /** Unrecorded load before each measurement (keeps connections and caches warm). */
    public static final Duration WARMUP = Duration.ofMillis(500);
    /** Each measurement's length. */
    public static final Duration DURATION = Duration.ofMillis(1500);
    /** Unrecorded load once the reference has started, until its JIT has compiled the hot path. */
    public static final Duration WARMUP_AT_START = Duration.ofSeconds(3);

    private final RunningContestant server;
    private final int generatorThreads;

    private DriftReference(RunningContestant server, int generatorThreads) {
        this.server = server;
        this.generatorThreads = generatorThreads;
    }

    /**
     * Starts the reference server with this JVM's own class path.
     *
     * @param dir a working directory for it (its logs go where the launcher's settings say)
     * @throws dev.stackbench.lab.StartException when it does not become ready
     */
    public static DriftReference start(ContestantLauncher launcher, Path dir, int generatorThreads) throws InterruptedException {
        DriftReference reference = new DriftReference(launcher.start(manifest(dir)), generatorThreads);
        // a JVM fresh from start runs interpreted: its first measurement would be slower by several
        // times (seen: 20,101 req/s, then 116k), which is warm-up, not drift; warm it unrecorded first
        reference.run(WARMUP_AT_START);
        return reference;
    }

    /** @return the reference as a lab manifest: one JVM, one event loop, ready on {@code /} */
    static Manifest manifest(Path dir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Manifest("reference", "Stackbench drift reference", "java", Variant.REALISTIC,
                new Component("Java", List.of(java, "-version")), new Component("Netty", List.of(java, "-version")),
                Requirements.none(), List.of(), List.of(),
                List.of(java, "-Xms64m", "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        ReferenceServer.class.getName(), "${PORT}"),
                Map.of(), new WorkersRule(0, 1, "one event loop"), "/", Set.of(Workload.JSON), List.of(), dir.toAbsolutePath());
    }

    /**
     * Measures the reference once: {@value #CONNECTIONS} connections, closed model.
     *
     * @param round the round it follows (0: before the first)
     */
    public ReferenceMeasurement measure(int round) throws InterruptedException {
        Instant started = Instant.now().plus(WARMUP);
        LoadResult r = run(DURATION);
        return new ReferenceMeasurement(round, started, r.throughput(), r.latencyHistogram().getValueAtPercentile(99));
    }

    private LoadResult run(Duration duration) throws InterruptedException {
        LoadSpec spec = LoadSpec.builder(URI.create(server.baseUri() + "/")).connections(CONNECTIONS)
                .threads(Math.min(generatorThreads, CONNECTIONS)).warmup(WARMUP).duration(duration)
                .timeout(Duration.ofSeconds(2)).model(new LoadModel.Closed()).build();
        LoadResult r;
        try {
            r = new LoadGenerator(spec).run(ProgressListener.NONE);
        } catch (java.net.UnknownHostException e) {
            // the reference listens on the literal 127.0.0.1: nothing to resolve
            throw new IllegalStateException(e);
        }
        return r;
    }

    /** @return whether the reference server is still running */
    public boolean alive() {
        return server.process().isAlive();
    }

    @Override
    public void close() {
        server.close();
    }
}
