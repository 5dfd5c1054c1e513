package dev.stackbench.runner;

import dev.stackbench.lab.contestant.Fault;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.contestant.TrialUsage;
import dev.stackbench.lab.contestant.TrialWatch;
import dev.stackbench.lab.db.DatabaseServer;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.monitor.ResourceSummary;
import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.KindResult;
import dev.stackbench.loadgen.RequestKind;
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
import dev.stackbench.results.TrialDetail;
import dev.stackbench.results.TrialLogs;
import dev.stackbench.results.Plan;
import dev.stackbench.runner.suite.BlockingCells;
import dev.stackbench.runner.suite.Ladder;
import dev.stackbench.runner.suite.WorkloadParams;
import dev.stackbench.runner.suite.Suite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Measures one trial: the warm-up (until the rate is stable, within bounds), then the measured
 * interval with the contestant and the database watched over exactly that interval (CPU, memory,
 * and an exit of either, noticed at once), the interval log written into the results directory.
 */
final class TrialRunner {
    /** The workload label of the json + /cpu mix. */
    static final String BLOCKING = "blocking";
    /** The start of the invalid reason of a closed-model trial that recorded neither a response nor an error. */
    static final String NOTHING_ANSWERED = "no response and no error";

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
     * Measures one trial of any kind: a WebSocket fan-out for a {@link LoadLevel.Fanout} level,
     * the json + /cpu mix for workload {@value #BLOCKING}, the suite's ladder mix for workload
     * {@value Plan#MIX}, an HTTP workload otherwise.
     *
     * @param workload the workload's label ({@code json}, ..., {@code realtime}, {@code blocking})
     * @param round  1-based round, also the trial's index in its cell
     * @param first  whether this is the contestant's first trial of the cell: its warm-up may run up
     *               to the suite's {@code warmup}; later ones up to three times {@code rewarm}
     * @param database the database to watch beside the contestant, if the workload uses it
     */
    Outcome run(RunningContestant server, String workload, LoadLevel level, int round, boolean first, Optional<DatabaseServer> database,
                ProgressListener progress) throws IOException, InterruptedException {
        String id = server.manifest().id();
        Path hlog = results.trialLog(id, workload, level, round);
        AtomicReference<TrialWatch> watch = new AtomicReference<>();
        AtomicReference<TrialUsage> usage = new AtomicReference<>();
        AtomicReference<Instant> started = new AtomicReference<>();
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
        LoadResult r = null;
        FanoutTrial.Ran fanout = null;
        Duration fanoutWarmup = first ? suite.warmup() : suite.rewarm();
        try (HlogWriter log = HlogWriter.create(hlog, id + " " + workload + " " + level.label() + " trial " + round
                + "; values in microseconds", level instanceof LoadLevel.Open)) {
            ProgressListener all = ProgressListener.all(List.of(window, log, progress));
            if (level instanceof LoadLevel.Fanout f) {
                fanout = FanoutTrial.run(FanoutTrial.spec(server.baseUri(), f, fanoutWarmup, suite.duration(), suite.timeout(),
                        generatorThreads), all);
            } else {
                r = new LoadGenerator(spec(server.baseUri(), workload, level, warmup(first))).run(all);
            }
        } finally {
            if (watch.get() == null) {
                // nothing was measured (no connection opened): a server already down is still noticed
                watch.set(TrialWatch.start(server, database));
                started.set(Instant.now());
            }
            if (usage.get() == null) {
                usage.set(watch.get().stop());
            }
        }
        TrialUsage used = usage.get();
        List<String> invalid = new ArrayList<>();
        used.fault().ifPresent(f -> invalid.add(reason(f)));
        if (r != null && level instanceof LoadLevel.Closed c && r.requests() == 0 && r.errors().total() == 0) {
            // neither a response nor a failure: the connections never got a request through (still connecting
            // at the end, behind a full accept queue); a 0 req/s trial without errors must not pass as valid
            invalid.add(NOTHING_ANSWERED + " of " + c.connections() + " connections in the window (still connecting at its end)");
        }
        Trial trial = level instanceof LoadLevel.Fanout f
                ? FanoutTrial.trial(fanout, id, f, round, started.get(), suite.duration(), fanoutWarmup.toNanos() / 1e9, used, invalid)
                : trial(r, id, workload, level, round, started.get(), used, invalid);
        return new Outcome(trial, used.fault());
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
        return t.withInvalid(reasons);
    }

    private LoadSpec spec(URI base, String workload, LoadLevel level, Warmup warmup) {
        int connections = level instanceof LoadLevel.Closed c ? c.connections() : suite.openConnections();
        LoadModel model = level instanceof LoadLevel.Open o ? new LoadModel.Open(o.ratePerSecond()) : new LoadModel.Closed();
        LoadSpec.Builder b = LoadSpec.builder(URI.create(base + "/")).connections(connections)
                .threads(Math.min(generatorThreads, connections)).warmup(warmup).duration(suite.duration(level))
                .timeout(suite.timeout()).model(model);
        if (BLOCKING.equals(workload)) {
            b.requests(mix(suite.blocking().orElse(BlockingCells.DEFAULT), suite.params()));
        } else if (Plan.MIX.equals(workload)) {
            b.requests(profileMix(suite.ladder().orElseThrow().mix(), suite.params()));
        } else {
            b.paths(suite.params().paths(Workload.valueOf(workload.toUpperCase(Locale.ROOT))));
        }
        if (level instanceof LoadLevel.Open) {
            b.maxConnections(suite.openConnections());
        }
        return b.build();
    }

    /**
     * The blocking mix: GET /json and GET /cpu?n=N by weight ({@code 100 - cpuPercent} to
     * {@code cpuPercent}), one open-model rate for both.
     */
    static List<RequestKind> mix(BlockingCells cells, WorkloadParams params) {
        return List.of(new RequestKind("json", "GET", "/json").withWeight(100 - cells.cpuPercent()),
                new RequestKind("cpu", "GET", "/cpu?n=" + params.cpuN()).withWeight(cells.cpuPercent()));
    }

    /** A profile's mix: one kind per workload, named by it, its requests as the workload sends them, by weight. */
    static List<RequestKind> profileMix(List<Ladder.Share> mix, WorkloadParams params) {
        return mix.stream().map(k -> new RequestKind(k.workload().label(), "GET", params.template(k.workload())).withWeight(k.weight()))
                .toList();
    }

    private static Trial trial(LoadResult r, String id, String workload, LoadLevel level, int round, Instant started, TrialUsage used,
                               List<String> invalid) {
        ErrorCounts e = r.errors();
        boolean open = level instanceof LoadLevel.Open;
        // successes completed inside the window (open model: of requests intended inside it), the engine's rule for
        // throughput: a warm-up backlog answered in the window, or a response drained after it, is not the window's
        double ok = r.successThroughput();
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
        Errors errors = new Errors(e.connect(), e.read(), e.write(), e.timeout(), e.status());
        String log = TrialLogs.relativePath(id, workload, level, round);
        if (BLOCKING.equals(workload)) {
            return mixTrial(r, id, level, round, started, server, health, errors, invalid, log);
        }
        // a profile's mix: the whole mix's figures (every request of every kind), each kind's in the detail
        TrialDetail detail = Plan.MIX.equals(workload) ? new TrialDetail.Mix(kinds(r)) : null;
        return new Trial(id, workload, level, round, round, started, r.measuredSeconds(), r.warmupSeconds(), r.requests(), ok,
                r.unsent(), Percentiles.of(latency, r.censoredHistogram().getTotalCount()), r.errorHistogram().getTotalCount() == 0 ? null : Percentiles.of(r.errorHistogram()),
                open ? Percentiles.of(r.serviceHistogram()) : null, errors, server, health, invalid, log, detail);
    }

    /** @return every kind's figures, in the mix's order */
    private static List<TrialDetail.Kind> kinds(LoadResult r) {
        List<TrialDetail.Kind> kinds = new ArrayList<>();
        for (KindResult k : r.kinds()) {
            // a kind has one histogram of every request of it (responses of any status, censored values): the
            // engine keeps no per-kind success histogram; errors are counted beside it and invalidate a trial past the threshold
            kinds.add(new TrialDetail.Kind(k.name(), r.spec().requests().stream().filter(q -> q.name().equals(k.name())).findFirst()
                    .map(RequestKind::path).orElse(""), k.weight(), k.requests(), k.successThroughput(),
                    Percentiles.of(k.latencyHistogram(), k.censoredHistogram().getTotalCount()), k.errors().total()));
        }
        return kinds;
    }

    /**
     * A blocking trial: the json kind's figures stand for the trial (its latency from the json
     * requests alone, so the /cpu requests' own latency never enters the json p99); errors and
     * health are the whole mix's; every kind's figures are in the detail.
     */
    private static Trial mixTrial(LoadResult r, String id, LoadLevel level, int round, Instant started, ServerUsage server,
                                  GeneratorHealth health, Errors errors, List<String> invalid, String log) {
        List<TrialDetail.Kind> kinds = kinds(r);
        KindResult j = r.kinds().stream().filter(k -> k.name().equals("json")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the blocking mix has a json kind"));
        TrialDetail.Kind jsonFigures = kinds.stream().filter(k -> k.name().equals("json")).findFirst().orElseThrow();
        return new Trial(id, BLOCKING, level, round, round, started, r.measuredSeconds(), r.warmupSeconds(), j.requests(),
                jsonFigures.throughputPerSecond(), j.unsent(), jsonFigures.latencyMicros(), null, null, errors, server, health, invalid, log,
                new TrialDetail.Mix(kinds));
    }
}
