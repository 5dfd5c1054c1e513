package dev.stackbench.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every verdict rule on hand-made runs with a known answer. Drift across rounds (ClaimRuns.SPEED,
 * ±8%) is the same for every contestant, so pairing by round cancels it and the interval of a ratio
 * is as narrow as the contestants' own wobble.
 */
class ClaimsJudgeTest {
    static final String GROUPS = """
            version: 1
            seeds: [000_a.txt, 002_b.txt]
            groups:
              node: {language: javascript}
              python: {language: python}
              async-python: {language: python, frameworks: [FastAPI]}
              sync-python: {language: python, frameworks: [Django]}
            claims:
            """;
    static final double[] WOBBLE = {0.01, -0.01, 0.0, 0.02, -0.02};

    static ClaimsReport judge(String claims, Analysis analysis) {
        return ClaimsJudge.judge(CatalogReader.parse(GROUPS + claims, "test"), analysis);
    }

    static String claim(String id, String workload, String a, String b, String rule) {
        return "  - {id: " + id + ", seed: 000_a.txt, quote: \"q\", kind: measurable, workload: " + workload
                + ", level: c100, a: " + a + ", b: " + b + ", quantity: throughput, rule: " + rule + "}\n";
    }

    /** Node twice as fast as both Pythons on json; FastAPI as fast as Node on io, Django a tenth. */
    static Analysis run() {
        return new ClaimRuns()
                .with(ClaimRuns.contestant("fastify", "javascript", "Fastify"))
                .with(ClaimRuns.contestant("fastapi", "python", "FastAPI"))
                .with(ClaimRuns.contestant("django", "python", "Django"))
                .cell("fastify", "json", 20_000, WOBBLE)
                .cell("fastapi", "json", 10_000, -0.01, 0.01, 0.02, 0.0, -0.01)
                .cell("django", "json", 9_000, 0.0, 0.02, -0.01, -0.02, 0.01)
                .cell("fastify", "io", 1_900, WOBBLE)
                .cell("fastapi", "io", 1_900, -0.01, 0.01, 0.02, 0.0, -0.01)
                .cell("django", "io", 190, 0.0, 0.02, -0.01, -0.02, 0.01)
                .analyse();
    }

    @Test
    void holdsWhenEveryPairsIntervalLiesAboveTheThreshold() {
        ClaimVerdict v = judge(claim("000-json", "json", "node", "python", "{above: 1.5}"), run()).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(v.reason()).isEqualTo("every 95% interval of the req/s advantage lies above 1.50× (2 pairs)");
        assertThat(v.evidence()).extracting(Evidence::cells)
                .containsExactly("fastify vs fastapi json c100", "fastify vs django json c100");
        Ratio r = v.evidence().get(0).advantage();
        assertThat(r.method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        assertThat(r.n()).isEqualTo(5);
        assertThat(r.estimate()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.03));
        assertThat(r.interval().orElseThrow().low()).isGreaterThan(1.9);
        assertThat(v.caveats()).containsExactly("fastify: Fastify 1.0 on Node.js v20.18.1, 1 worker",
                "fastapi: FastAPI 1.0 on CPython 3.11.2, 1 worker", "django: Django 1.0 on CPython 3.11.2, 1 worker");
    }

    @Test
    void failsWhenEveryPairsIntervalLiesBelowTheThreshold() {
        ClaimVerdict v = judge(claim("000-json", "json", "python", "node", "{above: 1.0}"), run()).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILS);
        assertThat(v.reason()).isEqualTo("every 95% interval of the req/s advantage lies below 1.00× (2 pairs)");
    }

    @Test
    void dependsWhenTheAsyncServerHoldsAndTheSyncOneFails() {
        // "Python handles concurrency like Node": FastAPI matches Node on io, Django does not
        ClaimVerdict v = judge(claim("000-io", "io", "python", "node", "{above: 0.8}"), run()).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.DEPENDS);
        assertThat(v.reason()).isEqualTo("holds for fastapi vs fastify io c100; fails for django vs fastify io c100"
                + " (advantage > 0.80× on req/s)");
    }

    @Test
    void aWithinRuleHoldsInsideFailsOutside() {
        String claims = claim("000-in", "json", "node", "async-python", "{within: [1.8, 2.2]}")
                + claim("000-out", "json", "node", "async-python", "{within: [1.1, 1.2]}");
        ClaimsReport report = judge(claims, run());
        assertThat(report.verdict("000-in").orElseThrow().outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(report.verdict("000-out").orElseThrow().outcome()).isEqualTo(Outcome.FAILS);
    }

    @Test
    void inconclusiveWhenTheIntervalReachesAcrossTheThreshold() {
        ClaimVerdict v = judge(claim("000-json", "json", "node", "async-python", "{above: 2.0}"), run()).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("1 of 1 pair inconclusive (fastify vs fastapi json c100: the interval reaches"
                + " across advantage > 2.00×)");
    }

    @Test
    void inconclusiveWithOneTrialPerCellSaysMoreTrialsWouldSettleIt() {
        Analysis one = new ClaimRuns()
                .with(ClaimRuns.contestant("fastify", "javascript", "Fastify"))
                .with(ClaimRuns.contestant("fastapi", "python", "FastAPI"))
                .cell("fastify", "json", 20_000).cell("fastapi", "json", 5_000).analyseFirstRoundOnly();
        ClaimVerdict v = judge(claim("000-json", "json", "node", "python", "{above: 1.0}"), one).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("1 of 1 pair inconclusive (fastify vs fastapi json c100: no interval: fewer"
                + " than 2 ranked trials on a side; more trials would settle it)");
    }

    @Test
    void inconclusiveWhenTheRunHasNoCellsOfTheWorkload() {
        String claims = claim("000-cpu", "cpu", "node", "python", "{above: 1.0}")
                + "  - {id: 002-rt, seed: 002_b.txt, quote: \"q\", kind: measurable, workload: realtime, a: node,"
                + " b: python, quantity: deliveryP99, rule: {above: 1.05}}\n";
        ClaimsReport report = judge(claims, run());
        assertThat(report.verdicts()).extracting(ClaimVerdict::reason).containsExactly(
                "the run has no cpu c100 cells (stackbench run --suite claims)",
                "the run has no realtime cells (stackbench run --suite claims)");
        assertThat(report.verdicts()).extracting(ClaimVerdict::outcome).containsOnly(Outcome.INCONCLUSIVE);
    }

    @Test
    void aGroupMemberWithoutARankedCellLeavesTheGroupInconclusive() {
        // Django timed out on most requests: its cell is not ranked, so "Node beats Python" is not shown for it
        Analysis a = new ClaimRuns()
                .with(ClaimRuns.contestant("fastify", "javascript", "Fastify"))
                .with(ClaimRuns.contestant("fastapi", "python", "FastAPI"))
                .with(ClaimRuns.contestant("django", "python", "Django"))
                .cell("fastify", "io", 1_900, WOBBLE)
                .cell("fastapi", "io", 1_000, -0.01, 0.01, 0.02, 0.0, -0.01)
                .cell("django", "io", new dev.stackbench.results.Errors(0, 0, 0, 400, java.util.Map.of()), 60)
                .analyse();
        ClaimVerdict v = judge(claim("000-io", "io", "node", "python", "{above: 1.05}"), a).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("holds for the 1 pair that could be ranked, but django io c100 has no ranked"
                + " trial (error rate 40.0% > 5%); a level every member can serve would settle it");
    }

    @Test
    void startupTimeIsMeasuredOnceSoItNeverHoldsOrFails() {
        String claims = "  - {id: 002-start, seed: 002_b.txt, quote: \"q\", kind: measurable, workload: none, a: node,"
                + " b: python, quantity: startupTime, rule: {above: 1.0}}\n";
        ClaimVerdict v = judge(claims, run()).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("startup time is measured once per contestant, so it has no interval;"
                + " repeated start-ups (one per round) would settle it");
        assertThat(v.evidence()).hasSize(2);
        assertThat(v.evidence().get(0).advantage().estimate()).isEqualTo(3.0);
    }

    @Test
    void contradictionsSayWhichSideTheMeasurementsTake() {
        String claims = claim("000-py-fast", "json", "python", "node", "{above: 1.0}").replace("}\n", ", contradicts: [002-node-fast]}\n")
                + claim("002-node-fast", "json", "node", "python", "{above: 1.0}");
        ClaimsReport report = judge(claims, run());
        assertThat(report.verdict("000-py-fast").orElseThrow().sides())
                .containsExactly("contradicts 002-node-fast: the measurements take 002-node-fast's side");
        assertThat(report.verdict("002-node-fast").orElseThrow().sides())
                .containsExactly("contradicts 000-py-fast: the measurements take this claim's side");
    }

    @Test
    void unmeasurableAndNonPerformanceClaimsSayWhy() {
        String claims = "  - {id: 001-gil, seed: 000_a.txt, quote: \"q\", kind: not-measurable, settle: \"multi-core"
                + " scaling needs >= 4 CPUs: server CPUs 1-3\", cpus: 4}\n"
                + "  - {id: 001-syntax, seed: 000_a.txt, quote: \"q\", kind: not-performance, reason: syntax}\n";
        ClaimsReport report = judge(claims, run());
        assertThat(report.verdicts()).extracting(ClaimVerdict::outcome)
                .containsExactly(Outcome.NOT_MEASURABLE, Outcome.NOT_A_PERFORMANCE_CLAIM);
        assertThat(report.verdicts().get(0).reason())
                .isEqualTo("multi-core scaling needs >= 4 CPUs: server CPUs 1-3; this machine has 2 CPUs");
        assertThat(report.counts()).containsEntry(Outcome.NOT_MEASURABLE, 1L).containsEntry(Outcome.HOLDS, 0L);
    }

    @Test
    void runCaveatsNameTheMachineCpuSetsAndRuntimes() {
        assertThat(judge(claim("000-json", "json", "node", "python", "{above: 1.0}"), run()).caveats()).containsExactly(
                "machine: AMD EPYC 7B13, 2 cores, Debian GNU/Linux 12 (bookworm), kernel 6.1.0-31-amd64",
                "CPU sets: server 1, generator 0, database 1; every contestant had the same server CPUs, so claims"
                        + " about several cores are not tested",
                "runtimes: Node.js v20.18.1, Python 3.11.2, Java 17.0.15 (generator)",
                "trials: 5 per cell in 5 rounds of 10.0 s, suite claims");
    }

    @Test
    void theVerdictIsAPureFunctionOfTheRun() {
        String claims = claim("000-io", "io", "python", "node", "{above: 0.8}");
        assertThat(judge(claims, run()).verdicts()).isEqualTo(judge(claims, run()).verdicts());
    }

    static List<String> ids(ClaimsReport r) {
        return r.verdicts().stream().map(v -> v.claim().id()).toList();
    }
}
