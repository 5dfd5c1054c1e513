package dev.stackbench.runner;

import dev.stackbench.runner.suite.RateCurve;
import dev.stackbench.runner.suite.Suite;
import dev.stackbench.lab.LabException;
import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.monitor.TreeMonitor;
import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.lab.verify.CheckResult;
import dev.stackbench.lab.verify.SpecVerifier;
import dev.stackbench.lab.verify.VerificationReport;
import dev.stackbench.lab.verify.Verifier;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.Environment;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Plan;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.Trial;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a suite, one contestant at a time: verify (start, check every endpoint, stop), start it
 * fresh, then for each workload, level and trial warm up and measure, with a pause between
 * trials; then stop it. {@code run.json} is rewritten after every trial with status
 * {@code interrupted}, and {@code complete} at the end, so that a run cut short keeps what it
 * measured.
 */
public final class SuiteRunner {
    private final Suite suite;
    private final ResultsWriter results;
    private final RunListener progress;
    private final int generatorThreads;
    private final Instant started = Instant.now();
    private final Map<String, Contestant> contestants = new LinkedHashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private final Environment environment;

    public SuiteRunner(Suite suite, ResultsWriter results, RunListener progress, int generatorThreads, Environment environment) {
        this.suite = suite;
        this.results = results;
        this.progress = progress;
        this.generatorThreads = generatorThreads;
        this.environment = environment;
    }

    /** Records a contestant that will not be measured (not installed, invalid manifest). */
    public void skipped(ContestantInfo info, String id, ContestantStatus status) {
        contestants.put(id, info == null ? new Contestant(id, id, null, null, null, null, null, null, null, 1, status, null, null)
                : record(info, 1, status, null, null));
    }

    /**
     * Measures every contestant in {@code infos} (all installed), started by {@code launcher} (CPUs, database, logs).
     *
     * @return the complete run; on interruption the exception propagates after the partial run is written
     */
    public Run run(List<ContestantInfo> infos, ContestantLauncher launcher) throws InterruptedException {
        infos.forEach(i -> contestants.putIfAbsent(i.manifest().id(), record(i, 1, new ContestantStatus.FailedToStart("not reached: the run stopped before this contestant"), null, null)));
        write(RunStatus.INTERRUPTED);
        Verifier verifier = new Verifier(launcher, new SpecVerifier());
        TrialRunner trialRunner = new TrialRunner(suite, results, generatorThreads);
        for (ContestantInfo info : infos) {
            measure(info, launcher, verifier, trialRunner);
        }
        return write(RunStatus.COMPLETE);
    }

    private void measure(ContestantInfo info, ContestantLauncher launcher, Verifier verifier, TrialRunner trialRunner)
            throws InterruptedException {
        Manifest m = info.manifest();
        progress.step("verifying " + m.id() + " (" + m.name() + ") on CPUs " + suite.cpus().server() + "...");
        VerificationReport report = verifier.verify(m);
        if (!report.passed()) {
            CheckResult.Failed first = report.failures().get(0);
            boolean startFailed = first.check().equals(VerificationReport.START);
            ContestantStatus status = startFailed ? new ContestantStatus.FailedToStart(firstLine(first.reason()))
                    : new ContestantStatus.FailedVerification(first.check() + ": " + firstLine(first.reason()));
            contestants.put(m.id(), record(info, 1, status, null, null));
            progress.step("  " + m.id() + ": " + status.describe() + " (not measured)");
            write(RunStatus.INTERRUPTED);
            return;
        }
        progress.step("starting " + m.id() + " for measurement...");
        RunningContestant server;
        try {
            server = launcher.start(m);
        } catch (LabException e) {
            contestants.put(m.id(), record(info, 1, new ContestantStatus.FailedToStart(firstLine(e.getMessage())), null, null));
            write(RunStatus.INTERRUPTED);
            return;
        }
        try {
            TreeMonitor idle = new TreeMonitor(server.process().pid(), KernelUnits.read(), TreeMonitor.DEFAULT_INTERVAL);
            idle.start();
            long idleRss = idle.stop().idleRssBytes();
            contestants.put(m.id(), record(info, server.workers(), new ContestantStatus.Measured(), server.startupMillis(), idleRss));
            progress.step("  " + m.id() + ": ready in " + server.startupMillis() + " ms, " + server.workers() + " worker(s), idle RSS "
                    + idleRss / (1024 * 1024) + " MiB");
            for (Workload w : suite.workloads()) {
                if (!m.supports(w)) {
                    progress.step("  " + m.id() + " does not implement " + w.label() + ": skipped");
                    continue;
                }
                for (LoadLevel level : suite.levels()) {
                    measureLevel(server, w, level, true, trialRunner);
                }
                if (suite.curve().isPresent()) {
                    curve(server, w, suite.curve().get(), trialRunner);
                }
            }
        } finally {
            progress.step("stopping " + m.id() + "...");
            server.close();
        }
    }

    /** @return the trials of this level */
    private List<Trial> measureLevel(RunningContestant server, Workload w, LoadLevel level, boolean planned, TrialRunner runner)
            throws InterruptedException {
        List<Trial> measured = new ArrayList<>();
        for (int t = 1; t <= suite.trials(); t++) {
            progress.trialStarted(server.manifest().id(), w.label(), level.describe(), t, suite.trials());
            Trial trial;
            try {
                trial = runner.run(server, w, level, t, progress);
            } catch (IOException e) {
                throw new dev.stackbench.lab.EnvironmentException("cannot write the trial's interval log in " + results.path() + ": " + e.getMessage());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("run interrupted");
            }
            trials.add(trial);
            measured.add(trial);
            progress.trialFinished(trial, planned);
            write(RunStatus.INTERRUPTED);
            Thread.sleep(suite.pause().toMillis());
        }
        return measured;
    }

    /** Open-model rates stepped up from the best closed-model throughput until p99 or errors break down. */
    private void curve(RunningContestant server, Workload w, RateCurve curve, TrialRunner runner) throws InterruptedException {
        String id = server.manifest().id();
        double best = trials.stream().filter(t -> t.contestant().equals(id) && t.workload().equals(w.label())
                && t.level() instanceof LoadLevel.Closed).mapToDouble(Trial::throughputPerSecond).max().orElse(0);
        if (best <= 0) {
            progress.step("  " + id + " " + w.label() + ": no closed-model throughput to base a rate curve on: curve skipped");
            return;
        }
        double firstP99 = -1;
        for (double fraction : curve.fractions()) {
            double rate = Math.max(1, Math.round(best * fraction));
            List<Trial> step = measureLevel(server, w, new LoadLevel.Open(rate), false, runner);
            double p99 = median(step.stream().map(t -> (double) t.latencyMicros().p99()).toList());
            double errors = step.stream().mapToDouble(t -> t.requests() == 0 ? 1 : (double) t.errors().total() / t.requests()).max().orElse(0);
            firstP99 = firstP99 < 0 ? p99 : firstP99;
            if (errors > curve.maxErrorFraction() || p99 > curve.p99BreakdownFactor() * Math.max(firstP99, 1_000)) {
                progress.step(String.format(java.util.Locale.ROOT, "  %s %s: broke down at %.0f req/s (p99 %s, errors %.1f%%): curve stops",
                        id, w.label(), rate, dev.stackbench.config.DurationFormat.micros(p99), errors * 100));
                return;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Writes run.json as it stands, with the given status. */
    public Run write(RunStatus status) {
        Plan plan = new Plan(List.copyOf(contestants.keySet()), suite.workloads().stream().map(Workload::label).toList(),
                suite.levels(), suite.trials(), suite.warmup(), suite.duration(), suite.cpus());
        Run run = new Run(Run.SCHEMA_VERSION, suite.name(), started, Instant.now(), status, plan, environment,
                List.copyOf(contestants.values()), trials);
        results.writeRun(run);
        return run;
    }

    private static Contestant record(ContestantInfo info, int workers, ContestantStatus status, Long startupMillis, Long idleRss) {
        Manifest m = info.manifest();
        return new Contestant(m.id(), m.name(), m.language(), m.framework().name(), info.frameworkVersion(), m.runtime().name(),
                info.runtimeVersion(), m.variant().label(), EnvironmentProbe.codeCommit(m.dir()), workers, status, startupMillis, idleRss);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

}
