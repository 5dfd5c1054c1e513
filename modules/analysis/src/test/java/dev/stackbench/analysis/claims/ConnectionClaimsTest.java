package dev.stackbench.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.analysis.ConnectionScaling;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The connection claims on a hand-made run with known figures: json and io at 10 and 1000
 * connections. fastify's memory under load is its idle memory + 3,000 bytes a connection, fastapi's
 * + 6,000, django's its idle memory (its sync workers hold one connection each); at 1000 connections fastify's p99 is
 * 40 ms, fastapi's 120 ms, and django's io times out (p99 at the 10 s timeout, censored, no
 * success). The machine's drift (ClaimRuns.SPEED) scales a round alike and cancels in the pairs.
 */
class ConnectionClaimsTest {
    static final String CATALOG = """
            version: 1
            seeds: [000_a.txt]
            groups:
              node: {language: javascript}
              python: {language: python}
              async-python: {frameworks: [FastAPI]}
            claims:
              - {id: 000-mem, seed: 000_a.txt, quote: "q", kind: measurable, workload: connections, a: node, b: async-python, quantity: memoryPerConnection, rule: {above: 1.05}}
              - {id: 000-mem-all, seed: 000_a.txt, quote: "q", kind: measurable, workload: connections, a: node, b: python, quantity: memoryPerConnection, rule: {above: 1.05}}
              - {id: 000-p99, seed: 000_a.txt, quote: "q", kind: measurable, workload: connections, a: node, b: python, quantity: p99, rule: {above: 1.05}}
              - {id: 000-rate, seed: 000_a.txt, quote: "q", kind: measurable, workload: connections, a: python, b: node, quantity: throughput, rule: {above: 1.05}}
            """;
    static final double[] WOBBLE = {0.01, -0.01, 0.0, 0.02, -0.02};

    private final List<Trial> trials = new ArrayList<>();

    Analysis analysis() {
        List<Contestant> contestants = List.of(ClaimRuns.contestant("fastify", "javascript", "Fastify"),
                ClaimRuns.contestant("fastapi", "python", "FastAPI"), ClaimRuns.contestant("django", "python", "Django"));
        for (String w : List.of("json", "io")) {
            series("fastify", w, 3_000, 40_000, false);
            series("fastapi", w, 6_000, 120_000, false);
            series("django", w, 0, 120_000, w.equals("io"));
        }
        Plan plan = new Plan(contestants.stream().map(Contestant::id).toList(), List.of("json", "io"),
                List.of(new LoadLevel.Closed(10), new LoadLevel.Closed(1000)), 5, 5, 7L, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), new CpuSets("0", "1", "1"));
        Environment env = new Environment("AMD EPYC 7B13", 2, "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-amd64",
                "17.0.15", "v20.18.1", "3.11.2", "0", "1", "1", "bench-1");
        Run run = new Run(Run.SCHEMA_VERSION, "claims", ClaimRuns.T0, ClaimRuns.T0.plusSeconds(900), RunStatus.COMPLETE, plan, env,
                contestants, trials, List.of());
        return Analyzer.analyze(run, t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }

    /** 5 rounds at 10 and at 1000 connections; memory: idle + perConnection x connections (+ 2% noise per round). */
    private void series(String id, String workload, double perConnection, double p99At1000, boolean timesOut) {
        for (int r = 0; r < 5; r++) {
            double slow = ClaimRuns.SPEED[r] * (1 + WOBBLE[(r + id.length()) % 5]);
            for (int n : new int[] {10, 1000}) {
                // the idle memory (ClaimRuns: node 60 MB, python 48 MB) and what the connections add
                long idle = id.equals("fastify") ? 60_000_000L : 48_000_000L;
                long memory = Math.round(idle + perConnection * n * (1 + WOBBLE[(r + 2) % 5]));
                boolean failed = timesOut && n == 1000;
                long count = failed ? 1000 : 4000;
                long p99 = failed ? 10_000_000 : Math.round((n == 10 ? 2_000 : p99At1000) / slow);
                Percentiles latency = new Percentiles(p99 / 4, p99 / 3, p99 / 2, p99, p99, p99, p99, p99 / 3.0, p99 / 5.0, count,
                        failed ? count : 0);
                double rate = failed ? 0 : 2000 * slow;
                Errors errors = failed ? new Errors(0, 0, 0, 1000, java.util.Map.of()) : Errors.NONE;
                trials.add(new Trial(id, workload, new LoadLevel.Closed(n), r + 1, r + 1, ClaimRuns.T0.plusSeconds(60L * r + n),
                        2.0, 0.5, failed ? 0 : count, rate, 0, latency, null, null, errors,
                        new ServerUsage(0.9, null, memory, memory + 1_000_000, ServerUsage.CGROUP),
                        new GeneratorHealth(0.3, null, rate, 0, 0, null, null, null, false, false, null), List.of(), null, null));
            }
        }
    }

    ClaimsReport judge() {
        return ClaimsJudge.judge(CatalogReader.parse(CATALOG, "test"), analysis());
    }

    @Test
    void scalingSeriesCarryMemoryPerConnectionAndTheTopPoint() {
        List<ConnectionScaling> all = analysis().connectionScaling();
        assertThat(all).extracting(s -> s.contestant() + " " + s.workload())
                .containsExactly("fastify json", "fastapi json", "django json", "fastify io", "fastapi io", "django io");
        ConnectionScaling fastify = all.get(0);
        assertThat(fastify.points()).extracting(ConnectionScaling.Point::connections).containsExactly(10, 1000);
        // (memory at 1000 - idle) / 1000 = 3,000 x (1 + w'): about 3,000 bytes a connection
        assertThat(fastify.memoryPerConnection().orElseThrow().median()).isCloseTo(3_000, offset(100.0));
        ConnectionScaling djangoIo = all.get(5);
        assertThat(djangoIo.top().p99Censored()).isTrue();
        assertThat(djangoIo.top().errorRate()).isEqualTo(1.0);
        // the trials the tables leave unranked for their error rate are kept here: failing is the result
        assertThat(djangoIo.top().trials()).hasSize(5);
    }

    @Test
    void nodeUsesLessMemoryPerConnectionThanTheAsyncPythonServer() {
        ClaimVerdict v = judge().verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(v.evidence()).extracting(Evidence::cells)
                .containsExactly("fastify vs fastapi json c1000", "fastify vs fastapi io c1000");
        assertThat(v.evidence().get(0).advantage().estimate()).isCloseTo(2.0, offset(0.05));
    }

    @Test
    void aServerWhoseMemoryDoesNotGrowWithConnectionsLeavesThePairInconclusiveAndSaysWhy() {
        ClaimVerdict v = judge().verdicts().get(1);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        Evidence django = v.evidence().stream().filter(e -> e.b().equals("django")).findFirst().orElseThrow();
        assertThat(django.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(django.why().orElseThrow()).startsWith("django's memory at 1000 connections was not above its idle memory");
    }

    @Test
    void aCensoredP99IsALowerBoundThatStillLetsTheClaimHold() {
        ClaimVerdict v = judge().verdicts().get(2);
        // fastify's p99 is 3x lower than fastapi's and django's json, and django's io sits at the 10 s timeout
        assertThat(v.outcome()).isEqualTo(Outcome.HOLDS);
        Evidence io = v.evidence().stream().filter(e -> e.cells().equals("fastify vs django io c1000")).findFirst().orElseThrow();
        assertThat(io.outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(io.advantage().estimate()).isGreaterThan(200);
        assertThat(v.evidence()).hasSize(4);
    }

    @Test
    void aSideWithoutASuccessfulResponseBoundsTheRateFromAbove() {
        ClaimVerdict v = judge().verdicts().get(3);
        // python over node on req/s at 1000 connections: equal rates on json (1.00x, below 1.05x: fails), and django io, without a success, can only be slower
        Evidence djangoIo = v.evidence().stream().filter(e -> e.cells().equals("django vs fastify io c1000")).findFirst().orElseThrow();
        assertThat(djangoIo.outcome()).isEqualTo(Outcome.FAILS);
        Evidence fastapiJson = v.evidence().stream().filter(e -> e.cells().equals("fastapi vs fastify json c1000")).findFirst().orElseThrow();
        assertThat(fastapiJson.outcome()).isEqualTo(Outcome.FAILS);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILS);
    }
}
