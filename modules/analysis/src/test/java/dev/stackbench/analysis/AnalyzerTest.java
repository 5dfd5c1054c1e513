package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunCodec;
import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture run's known facts (see FixtureGenerator), as the analysis sees them. */
class AnalyzerTest {
    static final LoadLevel C100 = new LoadLevel.Closed(100);
    static final LoadLevel C1000 = new LoadLevel.Closed(1000);
    static final LoadLevel R500 = new LoadLevel.Open(500);
    static final LoadLevel R2000 = new LoadLevel.Open(2000);

    @TempDir
    static Path tmp;
    static Analysis analysis;

    @BeforeAll
    static void analyse() {
        analysis = FixtureAnalyses.analyse(Fixtures.SEED_RUN, tmp);
    }

    WorkloadTable table(String workload, LoadLevel level) {
        return analysis.tables().stream().filter(t -> t.workload().equals(workload) && t.level().equals(level))
                .findFirst().orElseThrow();
    }

    Cell cell(String contestant, String workload, LoadLevel level) {
        return analysis.cell(new CellKey(contestant, workload, level)).orElseThrow();
    }

    @Test
    void oneTablePerWorkloadAndLevelInPlanOrder() {
        assertThat(analysis.tables()).extracting(t -> t.workload() + " " + t.level().label())
                .containsExactly("json c100", "json c1000", "json r500", "json r2000",
                        "user c100", "user c1000", "user r500", "user r2000");
    }

    @Test
    void closedLevelsRankByMedianThroughputWithPairedRatiosToTheFastest() {
        WorkloadTable t = table("json", C1000);
        assertThat(t.rankBy()).isEqualTo(RankBy.THROUGHPUT);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant())
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn");
        assertThat(t.rows()).extracting(RankedCell::rank).containsExactly(1, 2, 3, 4);
        assertThat(t.rows().get(0).ratioToBest()).isEqualTo(Ratio.ONE);
        Ratio express = t.rows().get(1).ratioToBest();
        assertThat(express.method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        // express's crashed round 3 has no pair: four rounds pair up
        assertThat(express.n()).isEqualTo(4);
        assertThat(express.interval().orElseThrow().contains(express.estimate())).isTrue();
        assertThat(express.estimate()).isBetween(0.38, 0.45);
        assertThat(cell("fastify", "json", C1000).throughput().interval()).isPresent();
    }

    @Test
    void aCrashedTrialIsNotRankedAndSaysWhy() {
        Cell express = cell("express", "json", C1000);
        assertThat(express.trials()).hasSize(5);
        assertThat(express.ranked()).hasSize(4).noneMatch(t -> t.trial() == 3);
        assertThat(express.excluded()).singleElement().satisfies(e -> {
            assertThat(e.trial()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("contestant crashed: killed by SIGKILL");
        });
        assertThat(express.flags()).contains(Flag.EXCLUDED);
        assertThat(express.contestant().status().describe()).startsWith("crashed: killed by SIGKILL");
        assertThat(express.contestant().restarts()).isEqualTo(1);
    }

    @Test
    void aTrialAnswering500sFromHalfwayIsNotRanked() {
        Cell django = cell("django-gunicorn", "user", C1000);
        assertThat(django.excluded()).singleElement().satisfies(e -> {
            assertThat(e.trial()).isEqualTo(4);
            assertThat(e.reason()).matches("error rate 4\\d\\.\\d% > 5%");
        });
        assertThat(django.errorRate()).isBetween(0.005, 0.02);
    }

    @Test
    void aCellWithoutRankableTrialsIsListedUnderItsTable() {
        WorkloadTable t = table("user", R2000);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant())
                .containsExactly("fastify", "express", "fastapi-uvicorn");
        assertThat(t.unranked()).singleElement().satisfies(u -> {
            assertThat(u.key().contestant()).isEqualTo("django-gunicorn");
            assertThat(u.excluded()).hasSize(5).allMatch(e -> e.reason().startsWith("error rate "));
        });
    }

    @Test
    void notDistinguishableCellsShareARank() {
        WorkloadTable t = table("user", C1000);
        RankedCell express = t.rows().get(1);
        RankedCell fastapi = t.rows().get(2);
        assertThat(express.cell().key().contestant()).isEqualTo("express");
        assertThat(fastapi.cell().key().contestant()).isEqualTo("fastapi-uvicorn");
        assertThat(fastapi.tiedWithAbove()).isTrue();
        assertThat(fastapi.rank()).isEqualTo(express.rank()).isEqualTo(2);
        assertThat(express.notDistinguishableFrom()).containsExactly("fastapi-uvicorn");
        assertThat(t.rows().get(3).rank()).isEqualTo(4);
    }

    @Test
    void flags() {
        Cell fastify = cell("fastify", "json", C1000);
        assertThat(fastify.flags()).contains(Flag.GENERATOR_BOUND);
        assertThat(fastify.generatorBoundTrials()).containsExactly(2);
        Cell noisy = cell("django-gunicorn", "json", C100);
        assertThat(noisy.throughput().cv()).isGreaterThan(0.05);
        assertThat(noisy.flags()).containsExactly(Flag.NOISY);
        Cell saturated = cell("django-gunicorn", "json", R2000);
        assertThat(saturated.flags()).contains(Flag.SATURATED);
        assertThat(saturated.unsent()).isPositive();
        assertThat(cell("express", "json", C100).flags()).isEmpty();
    }

    @Test
    void percentilesSayWhenTheyAreLowerBoundsOrUnsupported() {
        Cell stalls = cell("django-gunicorn", "json", R500);
        assertThat(stalls.p99().lowerBound()).isTrue();
        assertThat(stalls.p50().lowerBound()).isFalse();
        // 5,000 values per trial: enough for p99, not for p99.9
        assertThat(stalls.p99().supported()).isTrue();
        assertThat(stalls.p999().supported()).isFalse();
        assertThat(stalls.p999().minCount()).isEqualTo(5_000);
        assertThat(cell("fastify", "json", C100).p999().supported()).isTrue();
    }

    @Test
    void serverAndDatabaseCpuAndTheMonitorSource() {
        Cell user = cell("fastify", "user", C100);
        assertThat(user.databaseCpuCores()).isNotNull();
        assertThat(user.databaseCpuCores().median()).isBetween(0.1, 0.4);
        assertThat(cell("fastify", "json", C100).databaseCpuCores()).isNull();
        assertThat(user.monitorSources()).containsExactly("cgroup");
    }

    @Test
    void theDriftReferenceAboveItsThresholdIsAWarning() {
        Drift d = analysis.driftWarning().orElseThrow();
        assertThat(d.measurements()).isEqualTo(5);
        assertThat(d.throughput().cv()).isBetween(0.055, 0.06);
    }

    @Test
    void openLevelsRankByP99Latency() {
        WorkloadTable t = table("json", R2000);
        assertThat(t.rankBy()).isEqualTo(RankBy.P99_LATENCY);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant())
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn");
        assertThat(t.rows().get(3).ratioToBest().estimate()).isGreaterThan(1000);
    }

    @Test
    void contestantsThatWereNotMeasuredAreListedNotRanked() {
        assertThat(analysis.notMeasured()).extracting(c -> c.id()).containsExactly("flask-gunicorn");
        assertThat(analysis.cells()).noneMatch(c -> c.key().contestant().equals("flask-gunicorn"));
    }

    @Test
    void latencyCurvesComeFromTheIntervalLogsOfRankedCells() {
        assertThat(analysis.curves()).hasSize(31).allMatch(c -> c.source() == LatencyCurve.Source.HISTOGRAM);
        LatencyCurve c = analysis.curve(new CellKey("fastify", "json", C100)).orElseThrow();
        assertThat(c.points()).extracting(LatencyCurve.Point::valueMicros).isSorted();
    }

    @Test
    void withoutIntervalLogsCurvesFallBackToTheSummaries() {
        Analysis b = FixtureAnalyses.analyse(Fixtures.SEED_RUN_B, tmp);
        assertThat(b.curves()).allMatch(c -> c.source() == LatencyCurve.Source.SUMMARY);
    }

    @Test
    void seedRatiosArePairedByRoundWithIntervals() {
        SeedComparison seed = analysis.seed().orElseThrow();
        assertThat(seed.level()).contains(C1000);
        assertThat(seed.rows()).extracting(r -> r.measured().map(c -> c.key().contestant()).orElse("-"))
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn");
        SeedComparison.SeedRatio fastifyExpress = seed.ratios().get(0);
        Ratio r = fastifyExpress.measured().orElseThrow();
        assertThat(r.method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        assertThat(r.interval().orElseThrow().contains(r.estimate())).isTrue();
        assertThat(fastifyExpress.articleInside()).contains(true);
        assertThat(seed.ratios().get(1).articleInside()).contains(false);
    }

    @Test
    void seedTableOnlyForTheSeedTableSuite() {
        Run r = analysis.run();
        Run quick = new Run(r.schemaVersion(), "quick", r.started(), r.finished(), r.status(), r.plan(),
                r.environment(), r.contestants(), r.trials(), r.reference());
        assertThat(Analyzer.analyze(quick, t -> Optional.empty(), AnalysisSettings.DEFAULTS).seed()).isEmpty();
    }

    @Test
    void seedTableFallsBackToTheLargestClosedLevelAndSaysSo() {
        Run r = analysis.run();
        Run noC1000 = new Run(r.schemaVersion(), r.suite(), r.started(), r.finished(), r.status(), r.plan(),
                r.environment(), r.contestants(),
                r.trials().stream().filter(t -> !t.level().equals(C1000)).toList(), r.reference());
        SeedComparison seed = Analyzer.analyze(noC1000, t -> Optional.empty(), AnalysisSettings.DEFAULTS)
                .seed().orElseThrow();
        assertThat(seed.level()).contains(C100);
        assertThat(seed.note()).contains(
                "the article used 1000 connections; this run's largest closed level on 'json' is 100 connections");
    }

    /** A schema-1 run (3 trials back to back, no reference) is still analysed: rounds are trial indexes. */
    @Test
    void aSchema1RunIsAnalysed() throws IOException {
        String json;
        try (InputStream in = AnalyzerTest.class.getResourceAsStream("/v1/seed-run.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Analysis v1 = Analyzer.analyze(new RunCodec().read(json, "v1"), t -> Optional.empty(), AnalysisSettings.DEFAULTS);
        assertThat(v1.drift()).isEmpty();
        assertThat(v1.tables()).hasSize(8);
        RankedCell express = v1.tables().get(1).rows().get(1);
        assertThat(express.ratioToBest().method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        assertThat(express.ratioToBest().n()).isEqualTo(3);
    }
}
