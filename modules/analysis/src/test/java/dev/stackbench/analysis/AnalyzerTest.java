package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Run;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {
    static final LoadLevel C100 = new LoadLevel.Closed(100);
    static final LoadLevel C1000 = new LoadLevel.Closed(1000);
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

    @Test
    void oneTablePerWorkloadAndLevelInPlanOrder() {
        assertThat(analysis.tables()).extracting(t -> t.workload() + " " + t.level().label())
                .containsExactly("json c100", "json c1000", "json r500", "json r2000",
                        "user c100", "user c1000", "user r500", "user r2000");
    }

    @Test
    void closedLevelsRankByMedianThroughputWithRatiosToTheFastest() {
        WorkloadTable t = table("json", C1000);
        assertThat(t.rankBy()).isEqualTo(RankBy.THROUGHPUT);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant())
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn");
        assertThat(t.rows()).extracting(RankedCell::rank).containsExactly(1, 2, 3, 4);
        RankedCell fastify = t.rows().get(0);
        assertThat(fastify.ratioToBest()).isEqualTo(1.0);
        // three trials: 13206.0, 12413.6 (generator-bound), 13338.1 -> median is the middle one
        assertThat(fastify.cell().throughput()).isEqualTo(new Spread(13206.0, 12413.6, 13338.1));
        assertThat(t.rows().get(1).ratioToBest()).isCloseTo(5424.2 / 13206.0, within(1e-12));
    }

    @Test
    void overlappingSpreadsShareARankAndAreMarkedNotDistinguishable() {
        WorkloadTable t = table("user", C1000);
        RankedCell express = t.rows().get(1);
        RankedCell fastapi = t.rows().get(2);
        assertThat(express.cell().key().contestant()).isEqualTo("express");
        assertThat(fastapi.cell().key().contestant()).isEqualTo("fastapi-uvicorn");
        assertThat(fastapi.tiedWithAbove()).isTrue();
        assertThat(fastapi.rank()).isEqualTo(express.rank()).isEqualTo(2);
        assertThat(express.notDistinguishableFrom()).containsExactly("fastapi-uvicorn");
        assertThat(fastapi.notDistinguishableFrom()).containsExactly("express");
        assertThat(t.rows().get(3).rank()).isEqualTo(4);
    }

    @Test
    void flagsGeneratorBoundNoisyErrorsAndSaturatedCells() {
        Cell fastify = analysis.cell(new CellKey("fastify", "json", C1000)).orElseThrow();
        assertThat(fastify.flags()).containsExactly(Flag.GENERATOR_BOUND);
        assertThat(fastify.generatorBoundTrials()).containsExactly(2);

        Cell noisy = analysis.cell(new CellKey("django-gunicorn", "json", C100)).orElseThrow();
        assertThat(noisy.throughput().relative()).isGreaterThan(0.10);
        assertThat(noisy.flags()).containsExactly(Flag.NOISY);

        Cell errors = analysis.cell(new CellKey("django-gunicorn", "user", C1000)).orElseThrow();
        assertThat(errors.flags()).containsExactly(Flag.ERRORS);
        assertThat(errors.errorRate()).isBetween(0.01, 0.05);

        Cell saturated = analysis.cell(new CellKey("django-gunicorn", "json", R2000)).orElseThrow();
        assertThat(saturated.flags()).containsExactly(Flag.SATURATED);
        assertThat(saturated.serviceP99()).isNotNull();

        assertThat(analysis.cell(new CellKey("express", "json", C100)).orElseThrow().flags()).isEmpty();
    }

    @Test
    void openLevelsRankByP99Latency() {
        WorkloadTable t = table("json", R2000);
        assertThat(t.rankBy()).isEqualTo(RankBy.P99_LATENCY);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant())
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn");
        assertThat(t.rows().get(3).ratioToBest()).isGreaterThan(1000);
    }

    @Test
    void contestantsThatWereNotMeasuredAreListedNotRanked() {
        assertThat(analysis.notMeasured()).extracting(c -> c.id()).containsExactly("flask-gunicorn");
        assertThat(analysis.cells()).noneMatch(c -> c.key().contestant().equals("flask-gunicorn"));
    }

    @Test
    void latencyCurvesComeFromTheIntervalLogs() {
        assertThat(analysis.curves()).hasSize(32).allMatch(c -> c.source() == LatencyCurve.Source.HISTOGRAM);
        LatencyCurve c = analysis.curve(new CellKey("fastify", "json", C100)).orElseThrow();
        assertThat(c.points()).extracting(LatencyCurve.Point::percentile).startsWith(0.0, 25.0, 50.0).endsWith(99.999);
        assertThat(c.points()).extracting(LatencyCurve.Point::valueMicros).isSorted();
        assertThat(c.maxMicros()).isGreaterThanOrEqualTo(c.points().get(c.points().size() - 1).valueMicros());
    }

    @Test
    void withoutIntervalLogsCurvesFallBackToTheSummaries() {
        Analysis b = FixtureAnalyses.analyse(Fixtures.SEED_RUN_B, tmp);
        assertThat(b.curves()).allMatch(c -> c.source() == LatencyCurve.Source.SUMMARY);
        assertThat(b.curves().get(0).points()).extracting(LatencyCurve.Point::percentile)
                .containsExactly(50.0, 75.0, 90.0, 99.0, 99.9, 99.99);
    }

    @Test
    void seedTablePutsTheArticleBesideOurFigures() {
        SeedComparison seed = analysis.seed().orElseThrow();
        assertThat(seed.level()).contains(C1000);
        assertThat(seed.note()).isEmpty();
        assertThat(seed.rows()).extracting(r -> r.measured().map(c -> c.key().contestant()).orElse("-"))
                .containsExactly("fastify", "express", "fastapi-uvicorn", "django-gunicorn");
        assertThat(seed.ratios()).extracting(r -> r.article().articleRatio()).containsExactly(2.5, 1.5, 3.43);
        SeedComparison.SeedRatio fastifyExpress = seed.ratios().get(0);
        assertThat(fastifyExpress.measured()).get().satisfies(m -> assertThat(m).isCloseTo(13206.0 / 5424.2, within(1e-9)));
        assertThat(fastifyExpress.low().get()).isLessThan(fastifyExpress.measured().get());
        assertThat(fastifyExpress.high().get()).isGreaterThan(fastifyExpress.measured().get());
    }

    @Test
    void seedTableOnlyForTheSeedTableSuite() {
        Run r = analysis.run();
        Run quick = new Run(r.schemaVersion(), "quick", r.started(), r.finished(), r.status(), r.plan(),
                r.environment(), r.contestants(), r.trials());
        assertThat(Analyzer.analyze(quick, t -> Optional.empty(), AnalysisSettings.DEFAULTS).seed()).isEmpty();
    }

    @Test
    void seedTableFallsBackToTheLargestClosedLevelAndSaysSo() {
        Run r = analysis.run();
        Run noC1000 = new Run(r.schemaVersion(), r.suite(), r.started(), r.finished(), r.status(), r.plan(),
                r.environment(), r.contestants(),
                r.trials().stream().filter(t -> !t.level().equals(C1000)).toList());
        SeedComparison seed = Analyzer.analyze(noC1000, t -> Optional.empty(), AnalysisSettings.DEFAULTS)
                .seed().orElseThrow();
        assertThat(seed.level()).contains(C100);
        assertThat(seed.note()).contains(
                "the article used 1000 connections; this run's largest closed level on 'json' is 100 connections");
    }
}
