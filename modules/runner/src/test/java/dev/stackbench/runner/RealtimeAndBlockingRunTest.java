package dev.stackbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.LaunchSettings;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.CpuSets;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import dev.stackbench.runner.suite.BlockingCells;
import dev.stackbench.runner.suite.RealtimeCells;
import dev.stackbench.runner.suite.Suite;
import dev.stackbench.runner.suite.WorkloadParams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realtime and blocking cells through the whole runner path (start, verify, rounds, trial,
 * run.json), over the stand-in server of the lab's tests: {@code --ws-delay-ms 20} broadcasts every
 * /ws message 20 ms after it arrived; {@code --cpu-holds-loop-ms 100} makes /cpu hold the lock /json
 * waits for, {@code --cpu-sleeps-ms 100} makes /cpu wait without it.
 */
class RealtimeAndBlockingRunTest {
    private static final Path CONTESTANTS = Path.of("src/test/resources/contestants").toAbsolutePath();
    private static final CpuSet SERVER = CpuSet.parse("1").within(CpuSet.online()) ? CpuSet.parse("1") : CpuSet.parse("0");

    @TempDir
    Path dir;

    private Suite suite(int rounds, Duration duration, Optional<RealtimeCells> realtime, Optional<BlockingCells> blocking) {
        return new Suite("test", List.of(), List.of(), List.of(), 16, Optional.empty(), rounds, Duration.ofMillis(300), Duration.ofMillis(200),
                duration, Duration.ZERO, Duration.ofSeconds(2), new CpuSets("0", SERVER.toString(), SERVER.toString()),
                new WorkloadParams(50, 100), realtime, blocking, Optional.empty(), Optional.empty());
    }

    private Run run(Suite suite, String... ids) throws InterruptedException {
        ResultsWriter results = ResultsWriter.create(dir, Instant.now(), suite.name());
        SuiteRunner runner = new SuiteRunner(suite, results, RunListener.SILENT, 1, new EnvironmentProbe().probe(suite.cpus()), 7);
        List<ContestantInfo> infos = Catalog.load(CONTESTANTS).select(List.of(ids)).stream()
                .map(e -> Installation.fromEnvironment().inspect(((Catalog.Valid) e).manifest())).toList();
        ContestantLauncher launcher = new ContestantLauncher(new LaunchSettings(SERVER, Optional.empty(), 10, results.logs(),
                Duration.ofSeconds(20), Duration.ofSeconds(2)));
        return runner.run(infos, launcher, Optional.empty());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBroadcastDelayedTwentyMillisecondsIsMeasuredNearItAndEveryDeliveryIsCounted() throws Exception {
        Run run = run(suite(2, Duration.ofSeconds(1), Optional.of(new RealtimeCells(List.of(20), 20)), Optional.empty()), "ws-delay");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.contestant("ws-delay").orElseThrow().status()).isEqualTo(new ContestantStatus.Measured());
        assertThat(run.plan().workloads()).containsExactly("realtime");
        List<Trial> trials = run.trials();
        assertThat(trials).hasSize(2).allMatch(Trial::valid).extracting(Trial::round).containsExactly(1, 2);
        for (Trial t : trials) {
            assertThat(t.workload()).isEqualTo("realtime");
            assertThat(t.level()).isEqualTo(new LoadLevel.Fanout(20, 20));
            TrialDetail.Fanout f = (TrialDetail.Fanout) t.detail();
            assertThat(f.connected()).isEqualTo(20);
            // 20 msg/s for 1 s: about 20 messages, each owed to all 20 subscribers, every one received
            assertThat(f.published()).isBetween(18L, 22L);
            assertThat(t.requests()).isEqualTo(f.published() * 20);
            assertThat(f.missing()).isZero();
            assertThat(t.errors().total()).isZero();
            assertThat(t.latencyMicros().count()).isEqualTo(t.requests());
            assertThat(t.throughputPerSecond()).isEqualTo(t.requests() / t.durationSeconds());
            // the server's delay is a floor; above it only the stand-in's own sending and the machine's noise
            assertThat(t.latencyMicros().p50()).isBetween(20_000L, 60_000L);
            assertThat(f.lastSubscriberMicros().p50()).isGreaterThanOrEqualTo(t.latencyMicros().p50());
            assertThat(t.server().rssMeanBytes()).isPositive();
            assertThat(t.histogramLog()).isEqualTo("trials/ws-delay/realtime/s20-p20-t" + t.round() + ".hlog");
        }
        Run back = ResultsDirectory.open(dir.resolve(dir.toFile().list()[0])).run();
        assertThat(back.trials()).isEqualTo(trials);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aContestantThatCrashesMidFanoutMakesTheTrialInvalidIsRestartedOnceAndTheRunGoesOn() throws Exception {
        // it kills itself on its 16th /ws message: within round 1's measured second, again after the restart
        Run run = run(suite(3, Duration.ofSeconds(1), Optional.of(new RealtimeCells(List.of(10), 20)), Optional.empty()), "ws-dies", "ws-delay");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        List<Trial> dies = run.trials().stream().filter(t -> t.contestant().equals("ws-dies")).toList();
        assertThat(dies).hasSize(2).allSatisfy(t -> assertThat(t.invalid()).contains("contestant crashed: killed by SIGKILL"));
        assertThat(run.contestant("ws-dies").orElseThrow().status()).isInstanceOf(ContestantStatus.Crashed.class);
        assertThat(run.contestant("ws-dies").orElseThrow().restarts()).isEqualTo(1);
        assertThat(run.trials().stream().filter(t -> t.contestant().equals("ws-delay"))).hasSize(3).allMatch(Trial::valid);
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void cpuThatHoldsTheLoopInflatesJsonP99AndCpuThatWaitsAsideDoesNot() throws Exception {
        Run run = run(suite(3, Duration.ofMillis(1500), Optional.empty(), Optional.of(new BlockingCells(100, 5))), "cpu-blocks", "cpu-sleeps");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.plan().workloads()).containsExactly("blocking");
        // per contestant and round: json alone at 100 req/s, then the mix at the same rate
        assertThat(run.trials()).hasSize(12).allMatch(Trial::valid);
        for (Trial t : run.trials()) {
            assertThat(t.level()).isEqualTo(new LoadLevel.Open(100));
            if (t.workload().equals("blocking")) {
                List<TrialDetail.Kind> kinds = ((TrialDetail.Mix) t.detail()).kinds();
                assertThat(kinds).extracting(TrialDetail.Kind::name).containsExactly("json", "cpu");
                assertThat(kinds.get(1).path()).isEqualTo("/cpu?n=100");
                // the trial's figures are json's alone: its latency never includes a /cpu request's 20 ms
                assertThat(t.latencyMicros()).isEqualTo(kinds.get(0).latencyMicros());
                assertThat(kinds.get(1).latencyMicros().p50()).isGreaterThanOrEqualTo(100_000);
            } else {
                assertThat(t.workload()).isEqualTo("json");
                assertThat(t.detail()).isNull();
            }
        }
        // /cpu holds the loop 100 ms, 5 times a second: json waits up to 100 ms half the time, against a few ms alone;
        // bounds this wide leave room for the machine's own stalls, which hit both cells of a round alike
        assertThat(inflation(run, "cpu-blocks")).isGreaterThan(2.0);
        assertThat(inflation(run, "cpu-sleeps")).isBetween(1 / 3.0, 3.0);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBlockingVariantIsMeasuredOnTheTwoBlockingCellsOnly() throws Exception {
        Suite suite = new Suite("test", List.of("cpu-blocks"), List.of(Workload.JSON), List.of(new LoadLevel.Closed(1)), 16, Optional.empty(), 2,
                Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(800), Duration.ZERO, Duration.ofSeconds(2),
                new CpuSets("0", SERVER.toString(), SERVER.toString()), new WorkloadParams(50, 100), Optional.empty(),
                Optional.of(new BlockingCells(100, 5, List.of("cpu-sleeps"))), Optional.empty(), Optional.empty());
        assertThat(suite.contestantsToStart()).containsExactly("cpu-blocks", "cpu-sleeps");
        Run run = run(suite, "cpu-blocks", "cpu-sleeps");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        // cpu-blocks: json c1, json r100 and the mix, 2 rounds; cpu-sleeps: json r100 and the mix only
        assertThat(run.trials().stream().filter(t -> t.contestant().equals("cpu-blocks"))).hasSize(6);
        assertThat(run.trials().stream().filter(t -> t.contestant().equals("cpu-sleeps")).map(t -> t.workload() + " " + t.level().label()))
                .containsExactlyInAnyOrder("json r100", "json r100", "blocking r100", "blocking r100");
    }

    /** @return the median over rounds of json p99 with /cpu mixed in over json p99 alone */
    private static double inflation(Run run, String id) {
        double[] ratios = new double[3];
        for (int round = 1; round <= 3; round++) {
            int r = round;
            double alone = run.trials().stream().filter(t -> t.contestant().equals(id) && t.round() == r && t.workload().equals("json"))
                    .findFirst().orElseThrow().latencyMicros().p99();
            double mixed = run.trials().stream().filter(t -> t.contestant().equals(id) && t.round() == r && t.workload().equals("blocking"))
                    .findFirst().orElseThrow().latencyMicros().p99();
            ratios[round - 1] = mixed / alone;
        }
        java.util.Arrays.sort(ratios);
        return ratios[1];
    }
}
