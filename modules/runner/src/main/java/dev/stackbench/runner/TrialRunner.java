package dev.stackbench.runner;

import dev.stackbench.runner.suite.Suite;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.monitor.ResourceSummary;
import dev.stackbench.lab.monitor.TreeMonitor;
import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialLogs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;

/**
 * Measures one trial: warm-up, then the measured interval with the server's process tree sampled
 * over exactly that interval, the interval log written into the results directory.
 */
final class TrialRunner {
    private final Suite suite;
    private final ResultsWriter results;
    private final int generatorThreads;
    private final KernelUnits units = KernelUnits.read();

    /** @param generatorThreads event loops: one per generator CPU */
    TrialRunner(Suite suite, ResultsWriter results, int generatorThreads) {
        this.suite = suite;
        this.results = results;
        this.generatorThreads = generatorThreads;
    }

    /**
     * Warms up for {@code warmup}, then measures for the suite's duration with the server's process
     * tree sampled over exactly the measured interval.
     *
     * @param round 1-based round, also the trial's index in its cell
     */
    Trial run(RunningContestant server, Workload workload, LoadLevel level, int round, Duration warmup, ProgressListener progress)
            throws IOException, InterruptedException {
        LoadSpec spec = spec(server.baseUri(), workload, level, warmup);
        String id = server.manifest().id();
        Path hlog = results.trialLog(id, workload.label(), level, round);
        TreeMonitor monitor = new TreeMonitor(server.process().pid(), units, TreeMonitor.DEFAULT_INTERVAL);
        AtomicReference<Instant> started = new AtomicReference<>();
        LoadResult r;
        try (HlogWriter log = HlogWriter.create(hlog, id + " " + workload.label() + " " + level.label() + " trial " + round
                + "; values in microseconds", level instanceof LoadLevel.Open)) {
            ProgressListener startMonitor = new ProgressListener() {
                @Override
                public void measureStarted() {
                    monitor.start();
                    started.set(Instant.now());
                }
            };
            r = new LoadGenerator(spec).run(ProgressListener.all(List.of(startMonitor, log, progress)));
        }
        ResourceSummary usage = monitor.stop();
        return trial(r, id, workload, level, round, started.get(), warmup, usage);
    }

    /** @return {@code t} marked invalid for these reasons (kept in the results, never ranked) */
    static Trial invalid(Trial t, List<String> reasons) {
        List<String> all = new ArrayList<>(t.invalid());
        all.addAll(reasons);
        return new Trial(t.contestant(), t.workload(), t.level(), t.trial(), t.round(), t.started(), t.durationSeconds(), t.warmupSeconds(),
                t.requests(), t.throughputPerSecond(), t.unsent(), t.latencyMicros(), t.errorLatencyMicros(), t.serviceTimeMicros(), t.errors(),
                t.server(), t.generator(), all, t.histogramLog());
    }

    private LoadSpec spec(URI base, Workload workload, LoadLevel level, Duration warmup) {
        int connections = level instanceof LoadLevel.Closed c ? c.connections() : suite.openConnections();
        LoadModel model = level instanceof LoadLevel.Open o ? new LoadModel.Open(o.ratePerSecond()) : new LoadModel.Closed();
        return LoadSpec.builder(URI.create(base + "/")).paths(suite.params().paths(workload)).connections(connections)
                .threads(Math.min(generatorThreads, connections)).warmup(warmup).duration(suite.duration())
                .timeout(suite.timeout()).model(model).build();
    }

    private static Trial trial(LoadResult r, String id, Workload workload, LoadLevel level, int round, Instant started, Duration warmup,
                               ResourceSummary usage) {
        ErrorCounts e = r.errors();
        boolean open = level instanceof LoadLevel.Open;
        double ok = (r.requests() - e.statusTotal()) / r.measuredSeconds();
        dev.stackbench.loadgen.GeneratorHealth h = r.health();
        GeneratorHealth health = new GeneratorHealth(h.processCpuUtilization(), open ? h.targetRate() : null, h.achievedRate(),
                h.lateSends(), h.maxSendLagMicros(), h.bound(), h.bound() ? String.join("; ", h.warnings()) : null);
        return new Trial(id, workload.label(), level, round, round, started, r.measuredSeconds(), warmup.toNanos() / 1e9, r.requests(), ok, 0,
                Percentiles.of(r.latencyHistogram()), null, open ? Percentiles.of(r.serviceHistogram()) : null,
                new Errors(e.connect(), e.read(), e.write(), e.timeout(), e.status()),
                new ServerUsage(usage.cpuCores(), usage.meanRssBytes(), usage.peakRssBytes()), health, List.of(),
                TrialLogs.relativePath(id, workload.label(), level, round));
    }
}
