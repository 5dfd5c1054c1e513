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

    Trial run(RunningContestant server, Workload workload, LoadLevel level, int trial, ProgressListener progress)
            throws IOException, InterruptedException {
        LoadSpec spec = spec(server.baseUri(), workload, level);
        String id = server.manifest().id();
        Path hlog = results.trialLog(id, workload.label(), level, trial);
        TreeMonitor monitor = new TreeMonitor(server.process().pid(), units, TreeMonitor.DEFAULT_INTERVAL);
        LoadResult r;
        try (HlogWriter log = HlogWriter.create(hlog, id + " " + workload.label() + " " + level.label() + " trial " + trial
                + "; values in microseconds", level instanceof LoadLevel.Open)) {
            ProgressListener startMonitor = new ProgressListener() {
                @Override
                public void measureStarted() {
                    monitor.start();
                }
            };
            r = new LoadGenerator(spec).run(ProgressListener.all(List.of(startMonitor, log, progress)));
        }
        ResourceSummary usage = monitor.stop();
        return trial(r, id, workload, level, trial, usage);
    }

    private LoadSpec spec(URI base, Workload workload, LoadLevel level) {
        int connections = level instanceof LoadLevel.Closed c ? c.connections() : suite.openConnections();
        LoadModel model = level instanceof LoadLevel.Open o ? new LoadModel.Open(o.ratePerSecond()) : new LoadModel.Closed();
        return LoadSpec.builder(URI.create(base + "/")).paths(suite.params().paths(workload)).connections(connections)
                .threads(Math.min(generatorThreads, connections)).warmup(suite.warmup()).duration(suite.duration())
                .timeout(suite.timeout()).model(model).build();
    }

    private static Trial trial(LoadResult r, String id, Workload workload, LoadLevel level, int index, ResourceSummary usage) {
        ErrorCounts e = r.errors();
        boolean open = level instanceof LoadLevel.Open;
        double ok = (r.requests() - e.statusTotal()) / r.measuredSeconds();
        dev.stackbench.loadgen.GeneratorHealth h = r.health();
        GeneratorHealth health = new GeneratorHealth(h.processCpuUtilization(), open ? h.targetRate() : null, h.achievedRate(),
                h.lateSends(), h.maxSendLagMicros(), h.bound(), h.bound() ? String.join("; ", h.warnings()) : null);
        return new Trial(id, workload.label(), level, index, r.measuredSeconds(), r.requests(), ok,
                Percentiles.of(r.latencyHistogram()), open ? Percentiles.of(r.serviceHistogram()) : null,
                new Errors(e.connect(), e.read(), e.write(), e.timeout(), e.status()),
                new ServerUsage(usage.cpuCores(), usage.meanRssBytes(), usage.peakRssBytes()), health,
                TrialLogs.relativePath(id, workload.label(), level, index));
    }
}
