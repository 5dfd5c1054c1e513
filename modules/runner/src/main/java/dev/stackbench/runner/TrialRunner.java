package dev.stackbench.runner;

import dev.stackbench.lab.contestant.Fault;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.contestant.TrialUsage;
import dev.stackbench.lab.contestant.TrialWatch;
import dev.stackbench.lab.db.DatabaseServer;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.monitor.ResourceSummary;
import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.Warmup;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialLogs;
import dev.stackbench.runner.suite.Suite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Measures one trial: the warm-up (until the rate is stable, within bounds), then the measured
 * interval with the contestant and the database watched over exactly that interval (CPU, memory,
 * and an exit of either, noticed at once), the interval log written into the results directory.
 */
final class TrialRunner {
    /** Warm-up rate samples: 250 ms each, stable when the last 4 (1 s) vary less than 5% (or their counting noise). */
    static final Duration SAMPLE = Duration.ofMillis(250);
    static final int SAMPLES = 4;
    static final double MAX_CV = 0.05;

    private final Suite suite;
    private final ResultsWriter results;
    private final int generatorThreads;

    /**
     * What one trial gave: the trial as recorded and the fault of the contestant or database, if any.
     *
     * @param trial the trial; invalid when {@code fault} is present
     * @param fault what went down during it
     */
    record Outcome(Trial trial, Optional<Fault> fault) {
    }

    /** @param generatorThreads event loops: one per generator CPU */
    TrialRunner(Suite suite, ResultsWriter results, int generatorThreads) {
        this.suite = suite;
        this.results = results;
        this.generatorThreads = generatorThreads;
    }

    /**
     * @param round  1-based round, also the trial's index in its cell
     * @param first  whether this is the contestant's first trial of the cell: its warm-up may run up
     *               to the suite's {@code warmup}; later ones up to three times {@code rewarm}
     * @param database the database to watch beside the contestant, if the workload uses it
     */
    Outcome run(RunningContestant server, Workload workload, LoadLevel level, int round, boolean first, Optional<DatabaseServer> database,
                ProgressListener progress) throws IOException, InterruptedException {
        LoadSpec spec = spec(server.baseUri(), workload, level, warmup(first));
        String id = server.manifest().id();
        Path hlog = results.trialLog(id, workload.label(), level, round);
        AtomicReference<TrialWatch> watch = new AtomicReference<>();
        AtomicReference<TrialUsage> usage = new AtomicReference<>();
        AtomicReference<Instant> started = new AtomicReference<>();
        LoadResult r;
        try (HlogWriter log = HlogWriter.create(hlog, id + " " + workload.label() + " " + level.label() + " trial " + round
                + "; values in microseconds", level instanceof LoadLevel.Open)) {
            ProgressListener window = new ProgressListener() {
                @Override
                public void measureStarted() {
                    watch.set(TrialWatch.start(server, database));
                    started.set(Instant.now());
                }

                @Override
                public void measureEnded() {
                    usage.set(watch.get().stop());
                }
            };
            r = new LoadGenerator(spec).run(ProgressListener.all(List.of(window, log, progress)));
        } finally {
            if (watch.get() != null && usage.get() == null) {
                usage.set(watch.get().stop());
            }
        }
        TrialUsage used = usage.get();
        List<String> invalid = new ArrayList<>();
        used.fault().ifPresent(f -> invalid.add(reason(f)));
        return new Outcome(trial(r, id, workload, level, round, started.get(), used, invalid), used.fault());
    }

    /** @return the reason a fault makes a trial invalid: {@code contestant crashed: killed by SIGKILL}, {@code database exited: ...} */
    static String reason(Fault f) {
        if (f instanceof Fault.ContestantExited c) {
            return "contestant crashed: " + c.exit().cause();
        }
        if (f instanceof Fault.DatabaseExited d) {
            return "database exited during the trial: " + d.exit().cause();
        }
        return "database unreachable at the end of the trial";
    }

    /**
     * The first trial of a cell warms up until the rate is stable, between {@code rewarm} and the
     * suite's {@code warmup}: JIT, pools and caches. A later trial of the cell meets a contestant
     * that stayed up and warm; only its connections are new, so a fixed {@code rewarm} re-warms it
     * (a stability window of 1 s would cost more than the re-warm itself, every trial).
     */
    private Warmup warmup(boolean first) {
        Duration min = suite.rewarm();
        if (!first) {
            return new Warmup.Fixed(min);
        }
        Duration cap = suite.warmup().compareTo(min) < 0 ? min : suite.warmup();
        return cap.isZero() ? new Warmup.Fixed(Duration.ZERO) : new Warmup.UntilStable(min, cap, SAMPLE, SAMPLES, MAX_CV);
    }

    /** @return {@code t} marked invalid for these reasons too (kept in the results, never ranked) */
    static Trial invalid(Trial t, List<String> reasons) {
        List<String> all = new ArrayList<>(t.invalid());
        all.addAll(reasons);
        return new Trial(t.contestant(), t.workload(), t.level(), t.trial(), t.round(), t.started(), t.durationSeconds(), t.warmupSeconds(),
                t.requests(), t.throughputPerSecond(), t.unsent(), t.latencyMicros(), t.errorLatencyMicros(), t.serviceTimeMicros(), t.errors(),
                t.server(), t.generator(), all, t.histogramLog());
    }

    private LoadSpec spec(URI base, Workload workload, LoadLevel level, Warmup warmup) {
        int connections = level instanceof LoadLevel.Closed c ? c.connections() : suite.openConnections();
        LoadModel model = level instanceof LoadLevel.Open o ? new LoadModel.Open(o.ratePerSecond()) : new LoadModel.Closed();
        LoadSpec.Builder b = LoadSpec.builder(URI.create(base + "/")).paths(suite.params().paths(workload)).connections(connections)
                .threads(Math.min(generatorThreads, connections)).warmup(warmup).duration(suite.duration(level))
                .timeout(suite.timeout()).model(model);
        if (level instanceof LoadLevel.Open) {
            b.maxConnections(suite.openConnections());
        }
        return b.build();
    }

    private static Trial trial(LoadResult r, String id, Workload workload, LoadLevel level, int round, Instant started, TrialUsage used,
                               List<String> invalid) {
        ErrorCounts e = r.errors();
        boolean open = level instanceof LoadLevel.Open;
        double ok = r.successLatency().count() / r.measuredSeconds();
        dev.stackbench.loadgen.GeneratorHealth h = r.health();
        GeneratorHealth health = new GeneratorHealth(h.processCpuUtilization(), open ? h.targetRate() : null, h.achievedRate(),
                h.lateSends(), h.maxSendLagMicros(), h.hiccupMaxMicros(), h.sendLagP99Micros(), h.stealFraction(), h.connectionLimited(),
                h.cpuBound(), h.warnings().isEmpty() ? null : String.join("; ", h.warnings()), h.lagged());
        ResourceSummary c = used.contestant();
        ServerUsage server = new ServerUsage(c.cpuCores(), used.database().map(ResourceSummary::cpuCores).orElse(null), c.meanRssBytes(),
                c.peakRssBytes(), c.source().toString());
        // success latency with the censored values (timeouts, unsent) at their censored value: a request
        // that never got an answer must not vanish from the percentiles (wrk's bias)
        Histogram latency = r.successHistogram().copy();
        latency.add(r.censoredHistogram());
        return new Trial(id, workload.label(), level, round, round, started, r.measuredSeconds(), r.warmupSeconds(), r.requests(), ok,
                r.unsent(), Percentiles.of(latency, r.censoredHistogram().getTotalCount()), r.errorHistogram().getTotalCount() == 0 ? null : Percentiles.of(r.errorHistogram()),
                open ? Percentiles.of(r.serviceHistogram()) : null, new Errors(e.connect(), e.read(), e.write(), e.timeout(), e.status()),
                server, health, invalid, TrialLogs.relativePath(id, workload.label(), level, round));
    }
}
