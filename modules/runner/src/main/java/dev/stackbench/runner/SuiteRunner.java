package dev.stackbench.runner;

import dev.stackbench.config.SizeFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.lab.EnvironmentException;
import dev.stackbench.lab.LabException;
import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.contestant.Fault;
import dev.stackbench.lab.db.DatabaseServer;
import dev.stackbench.lab.db.EmbeddedPostgres;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.verify.CheckResult;
import dev.stackbench.lab.verify.SpecVerifier;
import dev.stackbench.lab.verify.VerificationReport;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.Environment;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Plan;
import dev.stackbench.results.ReferenceMeasurement;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.Trial;
import dev.stackbench.runner.suite.RateCurve;
import dev.stackbench.runner.suite.Ladder;
import dev.stackbench.runner.suite.Suite;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a suite in interleaved rounds. Every installed contestant is started once, verified on that
 * running instance (a failing one is reported and stopped, never measured), and then stays up, idle
 * on the server CPUs, for the whole run: a JVM keeps its JIT-compiled code and every contestant its
 * pools, so later rounds need only a short re-warm. Then, round by round, every cell (workload x
 * level) runs once per contestant in an order shuffled per round ({@link Schedule}), with the drift
 * reference measured before the first round and after every round.
 *
 * <p>Faults: a contestant that exits during a trial makes that trial invalid, its status says it
 * crashed (exit code or signal, the last lines of its stderr), and it is restarted once for its
 * remaining trials; a second crash ends its run. The database exiting is attributed to the database,
 * never to a contestant: the trial is invalid and the database workloads stop with one message.
 *
 * <p>{@code run.json} is rewritten after every trial with status {@code interrupted}, and
 * {@code complete} at the end, so that a run cut short keeps what it measured.
 */
public final class SuiteRunner {
    /** Restarts allowed per contestant after a crash. */
    public static final int MAX_RESTARTS = 1;
    /** The longest wait for a contestant to answer again before its next trial. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(30);

    private final Suite suite;
    private final ResultsWriter results;
    private final RunListener listener;
    private final int generatorThreads;
    private final long seed;
    private final Instant started = Instant.now();
    private final Map<String, Contestant> contestants = new LinkedHashMap<>();
    private final Map<String, ContestantInfo> infos = new LinkedHashMap<>();
    private final Map<String, RunningContestant> up = new LinkedHashMap<>();
    private final Map<String, Integer> crashes = new LinkedHashMap<>();
    private final Set<String> warmed = new HashSet<>();
    /** A ladder's stops for the rest of the run: "contestant workload" -> the lowest rate that missed twice, req/s. */
    private final Map<String, Double> ladderStops = new LinkedHashMap<>();
    /** A ladder's stops for one round: "contestant workload round" -> the lowest rate that missed in it, req/s. */
    private final Map<String, Double> roundStops = new LinkedHashMap<>();
    /** A ladder's misses: "contestant workload" -> the rate that missed, by round. */
    private final Map<String, Map<Integer, Double>> ladderMisses = new LinkedHashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private final List<ReferenceMeasurement> reference = new ArrayList<>();
    private final Environment environment;
    private int rounds;
    private java.time.Duration settleWithin = SETTLE;
    private boolean databaseLost;
    private int databaseRestarts;

    /**
     * @param generatorThreads event loops of the generator: one per generator CPU
     * @param seed             the shuffle seed of the rounds' orders, recorded in run.json
     */
    public SuiteRunner(Suite suite, ResultsWriter results, RunListener listener, int generatorThreads, Environment environment, long seed) {
        this.suite = suite;
        this.results = results;
        this.listener = listener;
        this.generatorThreads = generatorThreads;
        this.environment = environment;
        this.seed = seed;
        this.rounds = suite.trials();
    }

    /** For tests: how long a contestant may take to answer again before its next trial ({@link #SETTLE} otherwise). */
    SuiteRunner settleWithin(java.time.Duration wait) {
        this.settleWithin = wait;
        return this;
    }

    /** Records a contestant that will not be measured (not installed, invalid manifest). */
    public void skipped(ContestantInfo info, String id, ContestantStatus status) {
        contestants.put(id, info == null ? new Contestant(id, id, null, null, null, null, null, null, null, 1, status, 0, null, null)
                : record(info, 1, status, null, null));
    }

    /** @return trials the schedule will run for these contestants (and the A/A twin), curve steps not counted */
    public int plannedTrials(List<ContestantInfo> ready) {
        return AaPair.withTwin(ready, suite.aa()).stream().mapToInt(i -> suite.trialsOf(AaPair.original(i.manifest().id()))).sum();
    }

    /**
     * Measures every contestant in {@code installed}, started by {@code launcher}, and the suite's A/A
     * twin ({@link AaPair}) as one more contestant when its original is among them.
     *
     * @param database the database the contestants share, if any: watched during every trial
     * @return the complete run; on interruption the exception propagates after the partial run is written
     */
    public Run run(List<ContestantInfo> installed, ContestantLauncher launcher, Optional<DatabaseServer> database) throws InterruptedException {
        List<ContestantInfo> ready = AaPair.withTwin(installed, suite.aa());
        suite.aa().filter(id -> ready.size() == installed.size())
                .ifPresent(id -> listener.step("A/A pair: " + id + " is not among the contestants to measure; no noise floor in this run"));
        ready.forEach(i -> {
            infos.put(i.manifest().id(), i);
            contestants.putIfAbsent(i.manifest().id(),
                    record(i, 1, new ContestantStatus.FailedToStart("not reached: the run stopped before this contestant"), null, null));
        });
        write(RunStatus.INTERRUPTED);
        try {
            for (ContestantInfo info : ready) {
                bringUp(info, launcher);
            }
            TrialRunner trialRunner = new TrialRunner(suite, results, generatorThreads);
            try (DriftReference drift = startReference(launcher)) {
                Schedule schedule = Schedule.of(seed, rounds, cells());
                measureReference(drift, 0);
                for (int round = 1; round <= rounds; round++) {
                    listener.step("round " + round + " of " + rounds + ": " + schedule.round(round).size() + " trials");
                    for (Schedule.Slot slot : schedule.round(round)) {
                        runSlot(slot, launcher, trialRunner, database);
                    }
                    measureReference(drift, round);
                }
                if (suite.curve().isPresent()) {
                    for (String id : List.copyOf(up.keySet())) {
                        for (Workload w : suite.workloads()) {
                            if (up.containsKey(id) && up.get(id).manifest().supports(w) && !(databaseLost && w == Workload.USER)) {
                                curve(id, w, suite.curve().get(), trialRunner);
                            }
                        }
                    }
                }
            }
            return write(RunStatus.COMPLETE);
        } finally {
            for (RunningContestant c : up.values()) {
                listener.step("stopping " + c.manifest().id() + "...");
                c.close();
            }
            up.clear();
        }
    }

    /** Starts the contestant, verifies the running instance, measures its idle memory; keeps it up when it passed. */
    private void bringUp(ContestantInfo info, ContestantLauncher launcher) {
        Manifest m = info.manifest();
        listener.step("starting " + m.id() + " (" + m.name() + ") on CPUs " + suite.cpus().server() + "...");
        RunningContestant server;
        try {
            server = launcher.start(m);
        } catch (LabException e) {
            contestants.put(m.id(), record(info, 1, new ContestantStatus.FailedToStart(firstLine(e.getMessage())), null, null));
            listener.step("  " + m.id() + ": failed to start: " + firstLine(e.getMessage()) + " (not measured)");
            write(RunStatus.INTERRUPTED);
            return;
        }
        VerificationReport report = new SpecVerifier().verify(m.id(), server.baseUri(), m.workloads());
        if (!report.passed()) {
            CheckResult.Failed first = report.failures().get(0);
            ContestantStatus status = new ContestantStatus.FailedVerification(first.check() + ": " + firstLine(first.reason()));
            contestants.put(m.id(), record(info, server.workers(), status, server.startupMillis(), null));
            listener.step("  " + m.id() + ": " + status.describe() + " (not measured)");
            server.close();
            write(RunStatus.INTERRUPTED);
            return;
        }
        ServerMonitor idle = server.monitor();
        idle.start();
        long idleRss = idle.stop().idleRssBytes();
        contestants.put(m.id(), record(info, server.workers(), new ContestantStatus.Measured(), server.startupMillis(), idleRss));
        up.put(m.id(), server);
        listener.step("  " + m.id() + ": ready in " + DurationFormat.micros(server.startupMillis() * 1000.0) + ", " + server.workers()
                + " worker(s), verified (" + report.passedCount() + " checks), idle RSS " + SizeFormat.format(idleRss));
        write(RunStatus.INTERRUPTED);
    }

    private DriftReference startReference(ContestantLauncher launcher) throws InterruptedException {
        try {
            DriftReference drift = DriftReference.start(launcher, results.path(), generatorThreads);
            listener.step("drift reference: Stackbench's own server on CPUs " + suite.cpus().server() + ", measured between rounds");
            return drift;
        } catch (LabException e) {
            listener.step("warning: the drift reference did not start (" + firstLine(e.getMessage()) + "); drift is not measured in this run");
            return null;
        }
    }

    private void measureReference(DriftReference drift, int afterRound) throws InterruptedException {
        if (drift == null || !drift.alive()) {
            return;
        }
        ReferenceMeasurement m = drift.measure(afterRound);
        reference.add(m);
        listener.step(String.format(java.util.Locale.ROOT, "  drift reference %s: %s, p99 %s",
                afterRound == 0 ? "before round 1" : "after round " + afterRound, RateFormat.format(m.throughputPerSecond()),
                DurationFormat.micros(m.p99Micros())));
        write(RunStatus.INTERRUPTED);
    }

    /** The cells of the plan, each with the contestants that are up and implement its workload. */
    private List<Schedule.Cell> cells() {
        List<Schedule.Cell> cells = new ArrayList<>();
        for (Workload w : suite.workloads()) {
            List<String> ids = up.values().stream().filter(c -> c.manifest().supports(w)).map(c -> c.manifest().id())
                    .filter(id -> !suite.blockingOnly(AaPair.original(id))).toList();
            for (String id : up.keySet()) {
                if (!up.get(id).manifest().supports(w) && !suite.blockingOnly(AaPair.original(id))) {
                    listener.step("  " + id + " does not implement " + w.label() + ": not measured there");
                }
            }
            for (LoadLevel level : suite.levels()) {
                if (!ids.isEmpty()) {
                    cells.add(new Schedule.Cell(w.label(), level, ids));
                }
            }
        }
        for (Workload w : suite.allWorkloads()) {
            // the connection cells beside the matrix, each for its own contestants
            for (LoadLevel level : suite.allLevels()) {
                if (!(level instanceof LoadLevel.Closed closed)) {
                    continue;
                }
                Suite.ClosedCell cell = new Suite.ClosedCell(w, closed);
                List<String> ids = up.values().stream().map(c -> c.manifest().id())
                        .filter(id -> up.get(id).manifest().supports(w))
                        .filter(id -> suite.connectionCellsOf(AaPair.original(id)).contains(cell))
                        .toList();
                if (!ids.isEmpty()) {
                    cells.add(new Schedule.Cell(w.label(), level, ids));
                }
            }
        }
        suite.realtime().ifPresent(rt -> {
            List<String> ids = implementing(List.of(Workload.REALTIME), "realtime").stream()
                    .filter(id -> !suite.blockingOnly(AaPair.original(id))).toList();
            rt.levels().stream().filter(l -> !ids.isEmpty()).forEach(l -> cells.add(new Schedule.Cell(Workload.REALTIME.label(), l, ids)));
        });
        suite.blocking().ifPresent(b -> {
            List<String> ids = implementing(List.of(Workload.JSON, Workload.CPU), "blocking (json and cpu)");
            Schedule.Cell alone = new Schedule.Cell(Workload.JSON.label(), b.level(), ids);
            if (!ids.isEmpty()) {
                // json alone at the mix's rate is the baseline of the inflation: an ordinary json cell
                if (cells.stream().noneMatch(c -> c.workload().equals(alone.workload()) && c.level().equals(alone.level()))) {
                    cells.add(alone);
                }
                cells.add(new Schedule.Cell(TrialRunner.BLOCKING, b.level(), ids));
            }
        });
        // a profile's ladder sends its mix as one request mix at every level
        suite.ladder().filter(l -> !l.mix().isEmpty()).ifPresent(l -> {
            List<String> ids = implementing(l.mixWorkloads(), "every workload of the mix "
                    + l.mixWorkloads().stream().map(Workload::label).toList());
            suite.levels().stream().filter(level -> !ids.isEmpty()).forEach(level -> cells.add(new Schedule.Cell(Plan.MIX, level, ids)));
        });
        return cells;
    }

    /** @return the contestants that are up and implement every one of {@code needed}, saying which are left out */
    private List<String> implementing(List<Workload> needed, String what) {
        List<String> ids = new ArrayList<>();
        for (RunningContestant c : up.values()) {
            if (needed.stream().allMatch(c.manifest()::supports)) {
                ids.add(c.manifest().id());
            } else {
                listener.step("  " + c.manifest().id() + " does not implement " + what + ": not measured there");
            }
        }
        return ids;
    }

    private void runSlot(Schedule.Slot slot, ContestantLauncher launcher, TrialRunner runner, Optional<DatabaseServer> database)
            throws InterruptedException {
        boolean usesDatabase = slot.workload().equals(Workload.USER.label())
                || (slot.workload().equals(Plan.MIX) && suite.ladder().orElseThrow().mixWorkloads().contains(Workload.USER));
        boolean retried = false;
        while (true) {
            RunningContestant server = up.get(slot.contestant());
            if (server == null || (databaseLost && usesDatabase)) {
                return;
            }
            String cell = slot.contestant() + " " + slot.workload() + " " + slot.level().describe();
            if (aboveLadderStop(slot)) {
                return;
            }
            server = settle(server, cell, launcher);
            if (server == null) {
                return;
            }
            boolean first = warmed.add(cell);
            listener.trialStarted(slot.contestant(), slot.workload(), slot.level().describe(), slot.round(), rounds);
            TrialRunner.Outcome outcome = measure(runner, server, slot.workload(), slot.level(), slot.round(), first,
                    usesDatabase ? database : Optional.empty());
            trials.add(outcome.trial());
            listener.trialFinished(outcome.trial(), true);
            ladderStep(slot, outcome.trial());
            boolean again = false;
            if (outcome.fault().isPresent()) {
                Fault fault = outcome.fault().get();
                if (fault.blamesDatabase()) {
                    again = databaseRestarted(database.orElseThrow(), cell, slot.round(), fault) && !retried;
                } else {
                    crashed(server, launcher, fault);
                }
            }
            write(RunStatus.INTERRUPTED);
            Thread.sleep(suite.pause().toMillis());
            if (!again) {
                return;
            }
            retried = true;
            listener.step("  measuring " + cell + " (round " + slot.round() + ") again on the restarted database");
        }
    }

    /**
     * Before a trial, the contestant must answer again: the aftermath of its previous trial (a flood of
     * connections still queued in a sync server's accept queue: 10,000 requests waiting 50 ms each
     * behind 3 workers take minutes) must not be measured as this one. A wait of more than a second
     * is said; a contestant that does not answer within {@link #SETTLE} is restarted, so that its
     * queue is empty again, and the restart is recorded (the contestant's {@code restarts}).
     *
     * @return the contestant to measure (the restarted one), or null when it could not be restarted
     */
    private RunningContestant settle(RunningContestant server, String cell, ContestantLauncher launcher) throws InterruptedException {
        Optional<java.time.Duration> waited = server.awaitResponsive(settleWithin);
        if (waited.isPresent()) {
            if (waited.get().toMillis() > 1_000) {
                listener.step("  " + server.manifest().id() + " answered again after " + DurationFormat.micros(waited.get().toNanos() / 1000.0)
                        + " before " + cell + " (its previous trial's connections were still queued)");
            }
            return server;
        }
        if (server.exited().isPresent()) {
            return server; // the trial notices the exit as a crash
        }
        String id = server.manifest().id();
        listener.step("  " + id + " did not answer within " + DurationFormat.micros(settleWithin.toNanos() / 1000.0) + " before " + cell
                + " (its previous trial's connections still queued): restarting it, so that its queue is empty");
        server.close();
        up.remove(id);
        Contestant before = contestants.get(id);
        contestants.put(id, record(infos.get(id), before.workers(), before.status(), before.startupMillis(), before.idleRssBytes(),
                before.restarts() + 1));
        return restart(id, launcher);
    }

    /** @return whether a ladder's earlier miss on this contestant and workload skips this higher rate */
    private boolean aboveLadderStop(Schedule.Slot slot) {
        if (!(slot.level() instanceof LoadLevel.Open o)) {
            return false;
        }
        String key = slot.contestant() + " " + slot.workload();
        Double stop = ladderStops.get(key);
        Double inRound = roundStops.get(key + " " + slot.round());
        return (stop != null && o.ratePerSecond() > stop) || (inRound != null && o.ratePerSecond() > inRound);
    }

    /**
     * A ladder skips a contestant's higher rates after a rate that misses: its p99 above the bound or
     * its error rate above the budget. One miss skips them in its own round only: on a shared machine a
     * single slow trial is not yet the contestant's limit, and the next round measures the ladder
     * again. A second miss, in a later round, at the same rate or a lower one, skips them for the rest
     * of the run: higher rates cannot meet the target.
     */
    private void ladderStep(Schedule.Slot slot, Trial t) {
        if (suite.ladder().isEmpty() || !(slot.level() instanceof LoadLevel.Open o) || !t.valid()) {
            return;
        }
        Ladder rules = suite.ladder().get();
        long attempted = t.requests() + t.errors().connect() + t.errors().read() + t.errors().write() + t.errors().timeout() + t.unsent();
        double errorRate = attempted == 0 ? 0 : (double) (t.errors().total() + t.unsent()) / attempted;
        boolean slow = t.latencyMicros().p99() > rules.stopAboveP99Micros();
        if (!slow && errorRate <= rules.errorBudget()) {
            return;
        }
        String key = slot.contestant() + " " + slot.workload();
        double rate = o.ratePerSecond();
        Map<Integer, Double> misses = ladderMisses.computeIfAbsent(key, k -> new LinkedHashMap<>());
        boolean repeated = misses.entrySet().stream().anyMatch(m -> m.getKey() < slot.round() && m.getValue() <= rate);
        misses.merge(slot.round(), rate, Math::min);
        String why = (slow ? "p99 " + DurationFormat.micros(t.latencyMicros().p99()) + " above "
                + DurationFormat.micros(rules.stopAboveP99Micros()) : String.format(java.util.Locale.ROOT, "error rate %.1f%%", errorRate * 100)
                + " above the budget") + " at " + o.describe();
        if (repeated) {
            Double before = ladderStops.get(key);
            if (before == null || rate < before) {
                ladderStops.put(key, rate);
                listener.step("  " + key + ": " + why + ", a second miss: the ladder's higher rates are skipped for the rest of the run");
            }
        } else {
            roundStops.merge(key + " " + slot.round(), rate, Math::min);
            listener.step("  " + key + ": " + why + ": the ladder's higher rates are skipped in round " + slot.round()
                    + "; a second miss in a later round skips them for the rest of the run");
        }
    }

    private TrialRunner.Outcome measure(TrialRunner runner, RunningContestant server, String w, LoadLevel level, int round, boolean first,
                                        Optional<DatabaseServer> database) throws InterruptedException {
        try {
            TrialRunner.Outcome outcome = runner.run(server, w, level, round, first, database, listener);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("run interrupted");
            }
            return outcome;
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the trial's interval log in " + results.path() + ": " + e.getMessage());
        }
    }

    /**
     * The database went down during a trial: never the contestant's fault. A private PostgreSQL is
     * restarted on its data directory; when it comes back at the same address the lost trial is
     * measured again. Otherwise the database workloads stop here, with one message.
     *
     * @return whether to measure the lost trial again
     */
    private boolean databaseRestarted(DatabaseServer db, String cell, int round, Fault fault) {
        String what = fault.describe().lines().findFirst().orElse("");
        if (db instanceof EmbeddedPostgres pg && databaseRestarts < MAX_RESTARTS) {
            databaseRestarts++;
            listener.step("PostgreSQL went down during " + cell + " (round " + round + "): " + what + "; restarting it on the same data...");
            try {
                dev.stackbench.lab.db.Database before = pg.database();
                dev.stackbench.lab.db.Database after = pg.restart();
                if (after.equals(before)) {
                    listener.step("  PostgreSQL is back at " + after);
                    return true;
                }
                listener.step("  PostgreSQL came back at another address (" + after + "); the contestants hold the old one");
            } catch (LabException e) {
                listener.step("  PostgreSQL did not restart: " + firstLine(e.getMessage()));
            }
        } else {
            listener.step("PostgreSQL went down during " + cell + " (round " + round + "): " + what);
        }
        databaseLost = true;
        listener.step("  the database workloads stop here; the other workloads go on. PostgreSQL's log is in " + results.logs());
        return false;
    }

    /** Records the crash and restarts the contestant once for its remaining trials. */
    private void crashed(RunningContestant server, ContestantLauncher launcher, Fault fault) {
        String id = server.manifest().id();
        String detail = fault instanceof Fault.ContestantExited c ? c.exit().cause()
                + (c.exit().stderrTail().isEmpty() ? "" : "; last lines of its stderr: " + String.join(" | ", tail(c.exit().stderrTail(), 5)))
                : fault.describe().lines().findFirst().orElse("");
        server.close();
        up.remove(id);
        int crashed = crashes.merge(id, 1, Integer::sum);
        int restarts = Math.min(crashed, MAX_RESTARTS);
        ContestantInfo info = infos.get(id);
        Contestant before = contestants.get(id);
        contestants.put(id, record(info, before.workers(), new ContestantStatus.Crashed(detail), before.startupMillis(), before.idleRssBytes(), restarts));
        if (crashed > MAX_RESTARTS) {
            listener.step("  " + id + " crashed again (" + detail + "): its remaining trials are not run");
            return;
        }
        listener.step("  " + id + " crashed (" + detail + "): restarting it for its remaining trials");
        restart(id, launcher);
    }

    /**
     * Starts a stopped contestant again (its warm-up is owed again) and keeps it up for its remaining trials.
     *
     * @return the restarted contestant, or null when it did not start (said; its remaining trials are not run)
     */
    private RunningContestant restart(String id, ContestantLauncher launcher) {
        try {
            RunningContestant fresh = launcher.start(infos.get(id).manifest());
            up.put(id, fresh);
            warmed.removeIf(c -> c.startsWith(id + " "));
            return fresh;
        } catch (LabException e) {
            listener.step("  " + id + " did not restart (" + firstLine(e.getMessage()) + "): its remaining trials are not run");
            return null;
        }
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    /** Open-model rates stepped up from the best closed-model throughput until p99 or errors break down. */
    private void curve(String id, Workload w, RateCurve curve, TrialRunner runner) throws InterruptedException {
        double best = trials.stream().filter(t -> t.contestant().equals(id) && t.workload().equals(w.label())
                && t.level() instanceof LoadLevel.Closed && t.invalid().isEmpty()).mapToDouble(Trial::throughputPerSecond).max().orElse(0);
        if (best <= 0) {
            listener.step("  " + id + " " + w.label() + ": no closed-model throughput to base a rate curve on: curve skipped");
            return;
        }
        double firstP99 = -1;
        for (double fraction : curve.fractions()) {
            double rate = Math.max(1, Math.round(best * fraction));
            LoadLevel level = new LoadLevel.Open(rate);
            List<Trial> step = new ArrayList<>();
            for (int t = 1; t <= suite.trials() && up.containsKey(id); t++) {
                listener.trialStarted(id, w.label(), level.describe(), t, suite.trials());
                Trial trial = measure(runner, up.get(id), w.label(), level, t, t == 1, Optional.empty()).trial();
                trials.add(trial);
                step.add(trial);
                listener.trialFinished(trial, false);
                write(RunStatus.INTERRUPTED);
            }
            double p99 = median(step.stream().map(t -> (double) t.latencyMicros().p99()).toList());
            double errors = step.stream().mapToDouble(t -> t.requests() == 0 ? 1 : (double) t.errors().total() / t.requests()).max().orElse(0);
            firstP99 = firstP99 < 0 ? p99 : firstP99;
            if (errors > curve.maxErrorFraction() || p99 > curve.p99BreakdownFactor() * Math.max(firstP99, 1_000)) {
                listener.step(String.format(java.util.Locale.ROOT, "  %s %s: broke down at %s (p99 %s, errors %.1f%%): curve stops",
                        id, w.label(), RateFormat.format(rate), DurationFormat.micros(p99), errors * 100));
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
        List<String> workloads = new ArrayList<>(suite.allWorkloads().stream().map(Workload::label).toList());
        suite.realtime().ifPresent(r -> workloads.add(Workload.REALTIME.label()));
        suite.blocking().ifPresent(b -> workloads.add(TrialRunner.BLOCKING));
        List<Plan.MixShare> mix = suite.ladder().filter(l -> !l.mix().isEmpty()).map(l -> l.mix().stream()
                .map(k -> new Plan.MixShare(k.workload().label(), suite.params().template(k.workload()), k.weight())).toList()).orElse(null);
        if (mix != null) {
            workloads.add(Plan.MIX);
        }
        Plan plan = new Plan(List.copyOf(contestants.keySet()), workloads,
                suite.allLevels(), suite.trials(), rounds, seed, suite.rewarm(), suite.warmup(), suite.duration(), suite.cpus())
                .with(new Plan.Params(suite.params().ioMillis(), suite.params().cpuN()), mix);
        Run run = new Run(Run.SCHEMA_VERSION, suite.name(), started, Instant.now(), status, plan, environment,
                List.copyOf(contestants.values()), trials, reference);
        results.writeRun(run);
        return run;
    }

    private static Contestant record(ContestantInfo info, int workers, ContestantStatus status, Long startupMillis, Long idleRss) {
        return record(info, workers, status, startupMillis, idleRss, 0);
    }

    private static Contestant record(ContestantInfo info, int workers, ContestantStatus status, Long startupMillis, Long idleRss, int restarts) {
        Manifest m = info.manifest();
        return new Contestant(m.id(), m.name(), m.language(), m.framework().name(), info.frameworkVersion(), m.runtime().name(),
                info.runtimeVersion(), m.variant().label(), EnvironmentProbe.codeCommit(m.dir()), workers, status, restarts, startupMillis, idleRss);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
