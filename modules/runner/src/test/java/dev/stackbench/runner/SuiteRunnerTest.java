package dev.stackbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.LaunchSettings;
import dev.stackbench.lab.db.DatabaseServer;
import dev.stackbench.lab.db.EmbeddedPostgres;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.Trial;
import dev.stackbench.runner.suite.ConnectionCells;
import dev.stackbench.runner.suite.Suite;
import dev.stackbench.runner.suite.WorkloadParams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner over the stand-in contestants of src/test/resources/contestants (one process each, no database). */
class SuiteRunnerTest {
    private static final Path CONTESTANTS = Path.of("src/test/resources/contestants").toAbsolutePath();
    private static final CpuSet SERVER = CpuSet.parse("1").within(CpuSet.online()) ? CpuSet.parse("1") : CpuSet.parse("0");

    @TempDir
    Path dir;

    /** json only, one connection (the stand-in serves one connection at a time), three short rounds. */
    private static Suite suite(int rounds) {
        return new Suite("test", List.of(), List.of(Workload.JSON), List.of(new LoadLevel.Closed(1)), 4, Optional.empty(), rounds,
                Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(600), Duration.ZERO, Duration.ofSeconds(2),
                new CpuSets("0", SERVER.toString(), SERVER.toString()), WorkloadParams.DEFAULT);
    }

    private Run run(Suite suite, RunListener listener, String... ids) throws InterruptedException {
        return run(suite, listener, Optional.empty(), ids);
    }

    /** A listener that keeps every step's message, in order, in {@code steps}. */
    private static RunListener collecting(List<String> steps) {
        return new RunListener() {
            @Override
            public void step(String message) {
                steps.add(message);
            }

            @Override
            public void trialStarted(String contestant, String workload, String level, int trial, int trials) {
            }

            @Override
            public void trialFinished(Trial trial, boolean counted) {
            }
        };
    }

    private Run run(Suite suite, RunListener listener, Optional<DatabaseServer> db, String... ids) throws InterruptedException {
        ResultsWriter results = ResultsWriter.create(dir, Instant.now(), suite.name());
        SuiteRunner runner = new SuiteRunner(suite, results, listener, 1, new EnvironmentProbe().probe(suite.cpus()), 42);
        List<ContestantInfo> infos = Catalog.load(CONTESTANTS).select(List.of(ids)).stream()
                .map(e -> Installation.fromEnvironment().inspect(((Catalog.Valid) e).manifest())).toList();
        ContestantLauncher launcher = new ContestantLauncher(new LaunchSettings(SERVER, Optional.empty(), 10, results.logs(),
                Duration.ofSeconds(20), Duration.ofSeconds(2)));
        return runner.run(infos, launcher, db);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void contestantsAreInterleavedInRoundsAndAFailingOneIsReportedNotMeasured() throws Exception {
        Run run = run(suite(3), RunListener.SILENT, "steady-a", "steady-b", "wrong-body");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.contestant("wrong-body").orElseThrow().status()).isInstanceOf(ContestantStatus.FailedVerification.class);
        assertThat(run.trials()).extracting(Trial::contestant).doesNotContain("wrong-body");
        assertThat(run.trials()).hasSize(6).allMatch(Trial::valid);
        for (int round = 1; round <= 3; round++) {
            int r = round;
            assertThat(run.trials().stream().filter(t -> t.round() == r).map(Trial::contestant)).containsExactlyInAnyOrder("steady-a", "steady-b");
        }
        // the rounds are in order: round 1's pair, then round 2's, then round 3's
        assertThat(run.trials()).extracting(Trial::round).containsExactly(1, 1, 2, 2, 3, 3);
        // every warm-up ran at least the minimum (rewarm) and stopped by its cap (plus one 250 ms sample)
        assertThat(run.trials()).allSatisfy(t -> assertThat(t.warmupSeconds()).isBetween(0.1, 0.3 + 0.25 + 0.1));
        assertThat(run.plan().warmup()).isEqualTo(Duration.ofMillis(100));
        assertThat(run.plan().warmupCap()).isEqualTo(Duration.ofMillis(300));
        assertThat(run.plan().shuffleSeed()).isEqualTo(42);
        assertThat(run.plan().rounds()).isEqualTo(3);
        // the drift reference before round 1 and after each round
        assertThat(run.reference()).extracting(r -> r.round()).containsExactly(0, 1, 2, 3);
        assertThat(run.reference()).allMatch(r -> r.throughputPerSecond() > 0);
        // what the reports read back is what was run
        assertThat(ResultsDirectory.open(dir.resolve(dir.toFile().list()[0])).run().trials()).hasSize(6);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theAaPairIsASecondInstanceMeasuredInEveryRoundAsOneMoreContestant() throws Exception {
        Run run = run(suite(2).withAa(Optional.of("steady-a")), RunListener.SILENT, "steady-a", "steady-b");

        assertThat(run.contestants()).extracting(dev.stackbench.results.Contestant::id)
                .containsExactly("steady-a", "steady-a_2", "steady-b");
        assertThat(run.contestant("steady-a_2").orElseThrow().aaTwinOf()).contains("steady-a");
        assertThat(run.contestant("steady-a_2").orElseThrow().status()).isInstanceOf(ContestantStatus.Measured.class);
        for (int round = 1; round <= 2; round++) {
            int r = round;
            assertThat(run.trials().stream().filter(t -> t.round() == r).map(Trial::contestant))
                    .containsExactlyInAnyOrder("steady-a", "steady-a_2", "steady-b");
        }
        // its own process: logs under its own name
        assertThat(dir.resolve(dir.toFile().list()[0]).resolve("logs/steady-a_2.stdout.log")).exists();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void connectionCellsAreMeasuredInTheRoundsForTheirContestantsOnlyTheTwinWithItsOriginal() throws Exception {
        Suite suite = suite(2).withAa(Optional.of("steady-a"))
                .withConnectionCells(List.of(new ConnectionCells(List.of(Workload.JSON), List.of(1, 2), List.of("steady-a"))));
        Run run = run(suite, RunListener.SILENT, "steady-a", "steady-b");

        assertThat(run.trials()).allMatch(Trial::valid);
        // json c1 is the matrix's, for everyone; json c2 only for steady-a and its twin, in both rounds
        assertThat(run.trials().stream().filter(t -> t.level().equals(new LoadLevel.Closed(2))).map(t -> t.contestant() + " " + t.round()))
                .containsExactlyInAnyOrder("steady-a 1", "steady-a 2", "steady-a_2 1", "steady-a_2 2");
        assertThat(run.trials().stream().filter(t -> t.level().equals(new LoadLevel.Closed(1)))).hasSize(6);
        assertThat(run.plan().levels()).containsExactly(new LoadLevel.Closed(1), new LoadLevel.Closed(2));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aContestantThatStopsAnsweringIsRestartedBeforeItsNextTrialAndTheRestartIsRecorded() throws Exception {
        // goes-deaf answers its first 60 requests, then holds every later one: each trial makes it deaf mid-way
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunListener listener = collecting(steps);
        Suite suite = suite(3);
        ResultsWriter results = ResultsWriter.create(dir, Instant.now(), suite.name());
        SuiteRunner runner = new SuiteRunner(suite, results, listener, 1, new EnvironmentProbe().probe(suite.cpus()), 42)
                .settleWithin(Duration.ofSeconds(1));
        List<ContestantInfo> infos = Catalog.load(CONTESTANTS).select(List.of("goes-deaf")).stream()
                .map(e -> Installation.fromEnvironment().inspect(((Catalog.Valid) e).manifest())).toList();
        ContestantLauncher launcher = new ContestantLauncher(new LaunchSettings(SERVER, Optional.empty(), 10, results.logs(),
                Duration.ofSeconds(20), Duration.ofSeconds(2)));
        Run run = runner.run(infos, launcher, Optional.empty());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        // rounds 2 and 3 each met a deaf instance: restarted before the trial, so every round measured a fresh one
        assertThat(run.contestant("goes-deaf").orElseThrow().restarts()).isEqualTo(2);
        assertThat(run.contestant("goes-deaf").orElseThrow().status()).isInstanceOf(ContestantStatus.Measured.class);
        assertThat(steps.stream().filter(m -> m.startsWith("  goes-deaf did not answer within ")
                && m.endsWith("restarting it, so that its queue is empty"))).hasSize(2);
        // one trial a round, each against the instance the round began with; none holds more than the 60 answers it gives
        assertThat(run.trials()).extracting(Trial::round).containsExactly(1, 2, 3);
        assertThat(run.trials()).allMatch(t -> t.requests() <= 60);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAaPairWhoseContestantIsNotMeasuredIsSaidAndLeftOut() throws Exception {
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunListener listener = collecting(steps);
        Run run = run(suite(1).withAa(Optional.of("fastify")), listener, "steady-b");
        assertThat(run.contestants()).extracting(dev.stackbench.results.Contestant::id).containsExactly("steady-b");
        assertThat(steps).contains("A/A pair: fastify is not among the contestants to measure; no noise floor in this run");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLadderStopsAtTheFirstRateThatMissesAndSkipsTheHigherOnesInEveryRound() throws Exception {
        // /cpu?n=20000 costs the stand-in about 10 ms under the GIL: 2 req/s meets a 500 ms p99, 2000 req/s misses it by far
        Suite ladder = new Suite("ladder", List.of(), List.of(Workload.CPU),
                List.of(new LoadLevel.Open(2), new LoadLevel.Open(2000), new LoadLevel.Open(4000)), 64, Optional.empty(), 2,
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(600), Duration.ZERO, Duration.ofSeconds(1),
                new CpuSets("0", SERVER.toString(), SERVER.toString()), new WorkloadParams(50, 20_000))
                .withLadder(new dev.stackbench.runner.suite.Ladder(500_000, 0.5, 0));
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        Run run = run(ladder, collecting(steps), "steady-a");

        assertThat(run.trials()).extracting(t -> ((LoadLevel.Open) t.level()).ratePerSecond())
                .contains(2000.0).doesNotContain(4000.0);
        // one miss skips the higher rates in its round; the next round measures 2000 again, and its second miss ends the ladder
        assertThat(run.trials().stream().filter(t -> ((LoadLevel.Open) t.level()).ratePerSecond() == 2000.0).map(Trial::round))
                .containsExactly(1, 2);
        assertThat(steps).anyMatch(m -> m.startsWith("  steady-a cpu: ") && m.endsWith(" at 2000 req/s offered: the ladder's higher rates"
                + " are skipped in round 1; a second miss in a later round skips them for the rest of the run"));
        assertThat(steps).anyMatch(m -> m.startsWith("  steady-a cpu: ") && m.endsWith(" at 2000 req/s offered, a second miss: the ladder's"
                + " higher rates are skipped for the rest of the run"));
        // a ladder's low rates last long enough for the values a p99 needs (here the suite's minimum, 0.6 s)
        assertThat(ladder.duration(new LoadLevel.Open(2))).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aProfileLadderSendsItsMixAsOneRequestMixAtEveryRateAndStopsWhereTheMixMisses() throws Exception {
        // 90% json, 10% /cpu?n=20000 (about 10 ms each on the stand-in): 20 req/s of the mix meets a 500 ms p99;
        // at 2000 req/s its 200 /cpu a second need two cores' worth: the mix misses, 4000 is never sent
        Suite ladder = new Suite("profile", List.of(), List.of(),
                List.of(new LoadLevel.Open(20), new LoadLevel.Open(2000), new LoadLevel.Open(4000)), 64, Optional.empty(), 2,
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ZERO, Duration.ofSeconds(1),
                new CpuSets("0", SERVER.toString(), SERVER.toString()), new WorkloadParams(30, 20_000), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new dev.stackbench.runner.suite.Ladder(500_000, 0.5, 0,
                        List.of(new dev.stackbench.runner.suite.Ladder.Share(Workload.JSON, 9),
                                new dev.stackbench.runner.suite.Ladder.Share(Workload.CPU, 1)))));
        assertThat(ladder.trialsPerContestant()).isEqualTo(6);
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        Run run = run(ladder, collecting(steps), "steady-a");

        // run.json records what was sent: the mix and the workloads' parameters
        assertThat(run.plan().workloads()).containsExactly("mix");
        assertThat(run.plan().mix()).containsExactly(new dev.stackbench.results.Plan.MixShare("json", "/json", 9),
                new dev.stackbench.results.Plan.MixShare("cpu", "/cpu?n=20000", 1));
        assertThat(run.plan().params()).isEqualTo(new dev.stackbench.results.Plan.Params(30, 20_000));
        assertThat(run.trials()).allSatisfy(t -> assertThat(t.workload()).isEqualTo("mix"));
        assertThat(run.trials()).extracting(t -> ((LoadLevel.Open) t.level()).ratePerSecond())
                .contains(20.0, 2000.0).doesNotContain(4000.0);
        assertThat(steps).anyMatch(m -> m.startsWith("  steady-a mix: ") && m.endsWith(" at 2000 req/s offered, a second miss: the ladder's"
                + " higher rates are skipped for the rest of the run"));
        // a trial's figures are the whole mix's; its detail has each kind's, in the mix's order and weights
        Trial low = run.trials().stream().filter(t -> t.level().equals(new LoadLevel.Open(20))).findFirst().orElseThrow();
        dev.stackbench.results.TrialDetail.Mix mix = (dev.stackbench.results.TrialDetail.Mix) low.detail();
        assertThat(mix.kinds()).extracting(k -> k.name() + " " + k.path() + " " + k.weight())
                .containsExactly("json /json 9", "cpu /cpu?n=20000 1");
        assertThat(mix.kinds().stream().mapToLong(k -> k.requests()).sum()).isEqualTo(low.requests());
        assertThat(mix.kinds().get(0).requests()).isGreaterThan(mix.kinds().get(1).requests());
        // and the results directory reads back with them
        Run back = ResultsDirectory.open(dir.resolve(dir.toFile().list()[0])).run();
        assertThat(back.plan().mix()).isEqualTo(run.plan().mix());
        assertThat(back.schemaVersion()).isEqualTo(Run.SCHEMA_VERSION);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aContestantThatCrashesMidTrialMakesTheTrialInvalidIsRestartedOnceAndTheRunGoesOn() throws Exception {
        Run run = run(suite(3), RunListener.SILENT, "steady-a", "dies-midway");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        List<Trial> dies = run.trials().stream().filter(t -> t.contestant().equals("dies-midway")).toList();
        // it dies on its 401st request: in its first trial, again after the restart, then it is not run any more
        assertThat(dies).hasSize(2).allSatisfy(t -> assertThat(t.invalid()).containsExactly("contestant crashed: killed by SIGKILL"));
        ContestantStatus status = run.contestant("dies-midway").orElseThrow().status();
        assertThat(status).isInstanceOf(ContestantStatus.Crashed.class);
        assertThat(status.describe()).startsWith("crashed: killed by SIGKILL");
        assertThat(run.contestant("dies-midway").orElseThrow().restarts()).isEqualTo(1);
        // the other contestant is not affected
        assertThat(run.trials().stream().filter(t -> t.contestant().equals("steady-a"))).hasSize(3).allMatch(Trial::valid);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aContestantThatStartsAnswering500sHalfwayHasItsErrorsCounted() throws Exception {
        Run run = run(suite(2), RunListener.SILENT, "fails-midway");

        List<Trial> trials = run.trials();
        assertThat(trials).hasSize(2);
        // verification and the first warm-up used the 400 good answers; everything measured failed
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.errors().status()).containsKey(500);
            assertThat(t.throughputPerSecond()).isZero();
        });
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void postgresExitingMidTrialIsBlamedOnTheDatabaseRestartedAndTheLostTrialMeasuredAgain() throws Exception {
        Suite suite = new Suite("test", List.of(), List.of(Workload.USER, Workload.JSON), List.of(new LoadLevel.Closed(1)), 4, Optional.empty(), 2,
                Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(1500), Duration.ZERO, Duration.ofSeconds(2),
                new CpuSets("0", SERVER.toString(), SERVER.toString()), WorkloadParams.DEFAULT);
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(Optional.of(SERVER), dir.resolve("pg-logs"))) {
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            RunListener killPostgresInTheFirstTrial = new RunListener() {
                @Override
                public void step(String message) {
                }

                @Override
                public void trialStarted(String contestant, String workload, String level, int trial, int trials) {
                    if (workload.equals("user") && trial == 1 && !killed.getAndSet(true)) {
                        new Thread(() -> {
                            try {
                                Thread.sleep(800);
                                new ProcessBuilder("kill", "-9", Long.toString(pg.pid())).start().waitFor();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }).start();
                    }
                }

                @Override
                public void trialFinished(Trial trial, boolean counted) {
                }
            };
            Run run = run(suite, killPostgresInTheFirstTrial, Optional.of(pg), "steady-a");

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            List<Trial> user = run.trials().stream().filter(t -> t.workload().equals("user")).toList();
            // round 1's user trial lost to the database, measured again once it was back, then round 2's
            assertThat(user).hasSize(3);
            assertThat(user.get(0).invalid()).containsExactly("database exited during the trial: killed by SIGKILL");
            assertThat(user.subList(1, 3)).allMatch(Trial::valid).extracting(Trial::round).containsExactly(1, 2);
            assertThat(pg.restarts()).isEqualTo(1);
            assertThat(pg.alive()).isTrue();
            assertThat(run.trials().stream().filter(t -> t.workload().equals("json"))).hasSize(2).allMatch(Trial::valid);
            assertThat(run.contestant("steady-a").orElseThrow().status()).isEqualTo(new ContestantStatus.Measured());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anInterruptedRunKeepsItsPartialResults() throws Exception {
        AtomicReference<Thread> runner = new AtomicReference<>();
        RunListener interruptAfterFirstTrial = new RunListener() {
            @Override
            public void step(String message) {
            }

            @Override
            public void trialStarted(String contestant, String workload, String level, int trial, int trials) {
            }

            @Override
            public void trialFinished(Trial trial, boolean counted) {
                runner.get().interrupt();
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                run(suite(3), interruptAfterFirstTrial, "steady-a", "steady-b");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        runner.set(t);
        t.start();
        t.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        Run partial = ResultsDirectory.open(dir.resolve(dir.toFile().list()[0])).run();
        assertThat(partial.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(partial.trials()).hasSize(1);
        assertThat(partial.contestants()).extracting(c -> c.id()).containsExactly("steady-a", "steady-b");
    }
}
