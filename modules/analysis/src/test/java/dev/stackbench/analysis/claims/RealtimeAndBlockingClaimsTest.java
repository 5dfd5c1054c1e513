package dev.stackbench.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.analysis.FanoutFigures;
import dev.stackbench.analysis.Inflation;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.Environment;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Plan;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The realtime and blocking claims on hand-made runs with known figures: fan-out trials whose
 * delivery p99 per round the test chooses, and json p99 alone and with /cpu mixed in, so that
 * every inflation and every paired ratio is known. The machine's drift (ClaimRuns.SPEED) scales
 * every latency of a round alike and cancels in the pairs.
 */
class RealtimeAndBlockingClaimsTest {
    static final LoadLevel.Fanout S1000 = new LoadLevel.Fanout(1000, 10);
    static final LoadLevel.Open R800 = new LoadLevel.Open(800);
    static final double[] WOBBLE = {0.01, -0.01, 0.0, 0.02, -0.02};
    static final String CATALOG = """
            version: 1
            seeds: [001_a.txt, 002_b.txt]
            groups:
              node: {language: javascript}
              python: {language: python}
              worker-pool: {frameworks: [Django]}
            claims:
              - {id: 002-rt, seed: 002_b.txt, quote: "q", kind: measurable, workload: realtime, a: node, b: python, quantity: deliveryP99, rule: {above: 1.05}}
              - {id: 002-077-blocking, seed: 002_b.txt, quote: "CPU-intensive work blocks the event loop.", kind: measurable, workload: blocking, a: worker-pool, b: node, quantity: p99Inflation, rule: {above: 1.05}}
              - {id: 001-054-blocking, seed: 001_a.txt, quote: "no process blocks the thread", kind: measurable, workload: blocking, a: node, b: worker-pool, quantity: p99Inflation, rule: {above: 1.0}}
              - {id: 002-py-blocking, seed: 002_b.txt, quote: "q", kind: measurable, workload: blocking, a: python, b: node, quantity: p99Inflation, rule: {above: 1.0}}
            """;

    private final List<Trial> trials = new ArrayList<>();

    /**
     * fastify delivers with p99 5 ms, fastapi 20 ms; json p99 alone / with /cpu: fastify 2 / 3 ms
     * (inflation 1.5), fastapi 4 / 4 ms (1.0), django 5 / 50 ms (10).
     */
    Analysis analysis() {
        List<Contestant> contestants = List.of(ClaimRuns.contestant("fastify", "javascript", "Fastify"),
                ClaimRuns.contestant("fastapi", "python", "FastAPI"), ClaimRuns.contestant("django", "python", "Django"));
        fanout("fastify", 5_000);
        fanout("fastapi", 20_000);
        blocking("fastify", 2_000, 3_000);
        blocking("fastapi", 4_000, 4_000);
        blocking("django", 5_000, 50_000);
        Plan plan = new Plan(contestants.stream().map(Contestant::id).toList(), List.of("realtime", "json", "blocking"), List.of(),
                5, 5, 7L, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), new CpuSets("0", "1", "1"));
        Environment env = new Environment("AMD EPYC 7B13", 2, "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-amd64",
                "17.0.15", "v20.18.1", "3.11.2", "0", "1", "1", "bench-1");
        Run run = new Run(Run.SCHEMA_VERSION, "claims", ClaimRuns.T0, ClaimRuns.T0.plusSeconds(900), RunStatus.COMPLETE, plan, env,
                contestants, trials, List.of());
        return Analyzer.analyze(run, t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }

    private static Percentiles latency(double p99, long count) {
        long v = Math.round(p99);
        return new Percentiles(v / 4, v / 3, v / 2, v, v * 2, v * 2, v * 2, v / 3.0, v / 5.0, count, 0);
    }

    private void fanout(String id, double p99) {
        for (int r = 0; r < 5; r++) {
            double slow = ClaimRuns.SPEED[r] * (1 + WOBBLE[r]);
            long published = 20;
            long deliveries = published * 1000;
            trials.add(new Trial(id, "realtime", S1000, r + 1, r + 1, ClaimRuns.T0.plusSeconds(60L * r), 2.0, 0.5, deliveries,
                    deliveries / 2.0, 0, latency(p99 / slow, deliveries), null, null, Errors.NONE,
                    new ServerUsage(0.4, null, 60_000_000 + 1000L * 20_480, 70_000_000, ServerUsage.CGROUP),
                    new GeneratorHealth(0.1, 10.0, 10.0, 0, 0, null, null, null, false, false, null), List.of(), null,
                    new TrialDetail.Fanout(1000, published, 0, 0, latency(2 * p99 / slow, published))));
        }
    }

    private void blocking(String id, double alone, double mixed) {
        for (int r = 0; r < 5; r++) {
            double slow = ClaimRuns.SPEED[r] * (1 + WOBBLE[(r + id.length()) % 5]);
            trials.add(httpTrial(id, "json", r, alone / slow, null));
            Percentiles json = latency(mixed / slow, 1520);
            trials.add(httpTrial(id, "blocking", r, mixed / slow, new TrialDetail.Mix(List.of(
                    new TrialDetail.Kind("json", "/json", 95, 1520, 760, json, 0),
                    new TrialDetail.Kind("cpu", "/cpu?n=10000", 5, 80, 40, latency(60_000, 80), 0)))));
        }
    }

    private static Trial httpTrial(String id, String workload, int r, double p99, TrialDetail detail) {
        long count = workload.equals("json") ? 1600 : 1520;
        return new Trial(id, workload, R800, r + 1, r + 1, ClaimRuns.T0.plusSeconds(60L * r + 10), 2.0, 0.5, count, count / 2.0, 0,
                latency(p99, count), null, latency(p99, count), Errors.NONE, new ServerUsage(0.5, null, 50_000_000, 60_000_000, ServerUsage.CGROUP),
                new GeneratorHealth(0.1, 800.0, count / 2.0, 0, 0, null, null, null, false, false, null), List.of(), null, detail);
    }

    ClaimsReport judge() {
        return ClaimsJudge.judge(CatalogReader.parse(CATALOG, "test"), analysis());
    }

    @Test
    void theRealtimeClaimHoldsWhenNodesDeliveryP99IsLowerBeyondTheThreshold() {
        ClaimVerdict v = judge().verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(v.reason()).isEqualTo("every 95% interval of the delivery p99 advantage lies above 1.05× (1 pair)");
        assertThat(v.evidence()).extracting(Evidence::cells).containsExactly("fastify vs fastapi realtime s1000-p10");
        assertThat(v.evidence().get(0).advantage().estimate()).isCloseTo(4.0, offset(0.01));
    }

    @Test
    void theEventLoopClaimFailsWhenTheWorkerPoolInflatesMoreAndItsOppositeHolds() {
        List<ClaimVerdict> v = judge().verdicts();
        // "CPU-intensive work blocks the event loop": the worker pool's inflation (10x) is far above Node's (1.5x)
        assertThat(v.get(1).outcome()).isEqualTo(Outcome.FAILS);
        assertThat(v.get(1).reason()).isEqualTo("every 95% interval of the json p99 inflation advantage lies below 1.05× (1 pair)");
        Evidence e = v.get(1).evidence().get(0);
        assertThat(e.cells()).isEqualTo("django vs fastify blocking r800");
        assertThat(e.aValue().median()).isCloseTo(10.0, offset(0.5));
        assertThat(e.bValue().median()).isCloseTo(1.5, offset(0.1));
        assertThat(e.advantage().estimate()).isCloseTo(0.15, offset(0.01));
        assertThat(v.get(2).outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(v.get(2).reason()).isEqualTo("every 95% interval of the json p99 inflation advantage lies above 1.00× (1 pair)");
    }

    @Test
    void aClaimOverBothPythonsDependsWhenTheAsyncOneInflatesLessAndTheSyncOneMore() {
        ClaimVerdict v = judge().verdicts().get(3);
        assertThat(v.outcome()).isEqualTo(Outcome.DEPENDS);
        assertThat(v.reason()).isEqualTo("holds for fastapi vs fastify blocking r800; fails for django vs fastify blocking r800"
                + " (advantage > 1.00× on json p99 inflation)");
    }

    @Test
    void theAnalysisGivesEachContestantsInflationAndTheFanoutFigures() {
        Analysis a = analysis();
        assertThat(a.blocking()).extracting(Inflation::contestant).containsExactlyInAnyOrder("fastify", "fastapi", "django");
        Inflation django = a.blocking().stream().filter(i -> i.contestant().equals("django")).findFirst().orElseThrow();
        assertThat(django.inflation().estimate()).isCloseTo(10.0, offset(0.2));
        assertThat(django.inflation().interval().orElseThrow().low()).isGreaterThan(9.0);
        assertThat(django.cpuPercent()).isEqualTo(5);
        assertThat(django.supported()).isTrue();
        FanoutFigures fastify = a.realtime().stream().filter(f -> f.cell().key().contestant().equals("fastify")).findFirst().orElseThrow();
        assertThat(fastify.owed()).isEqualTo(5 * 20 * 1000);
        assertThat(fastify.missing()).isZero();
        // (60 MB + 20 KiB x 1000 under load - 60 MB idle) / 1000 subscribers
        assertThat(fastify.memoryPerConnectionBytes().orElseThrow().median()).isEqualTo(20_480.0);
        // fan-out and blocking tables rank by p99 (every contestant is offered the same load)
        assertThat(a.tables()).filteredOn(t -> t.workload().equals("realtime")).singleElement()
                .satisfies(t -> assertThat(t.rows().get(0).cell().key().contestant()).isEqualTo("fastify"));
    }
}
