package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Run;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    static final LoadLevel C100 = new LoadLevel.Closed(100);

    @TempDir
    static Path tmp;
    static Analysis a;
    static Analysis b;
    static Comparison comparison;

    @BeforeAll
    static void compare() {
        a = FixtureAnalyses.analyse(Fixtures.SEED_RUN, tmp.resolve("a"));
        b = FixtureAnalyses.analyse(Fixtures.SEED_RUN_B, tmp.resolve("b"));
        comparison = Comparison.of(a, b, AnalysisSettings.DEFAULTS);
    }

    static CellComparison cell(Comparison c, String contestant, String workload, LoadLevel level) {
        return c.cells().stream().filter(x -> x.key().equals(new CellKey(contestant, workload, level)))
                .findFirst().orElseThrow();
    }

    @Test
    void aClearImprovementIsFaster() {
        CellComparison express = cell(comparison, "express", "json", C100);
        assertThat(express.throughput().verdict()).isEqualTo(Verdict.FASTER);
        assertThat(express.throughput().ratio().estimate()).isBetween(1.19, 1.25);
        assertThat(express.throughput().ratio().method()).isEqualTo(Ratio.Method.UNPAIRED);
        assertThat(express.throughput().reason()).isEqualTo(Judgement.Reason.INTERVAL_EXCLUDES_ONE);
        assertThat(express.p99().verdict()).isEqualTo(Verdict.FASTER);
    }

    @Test
    void aClearRegressionIsSlower() {
        CellComparison django = cell(comparison, "django-gunicorn", "user", C100);
        assertThat(django.throughput().verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(django.p99().verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(django.regressed()).isTrue();
        assertThat(comparison.regressed()).isTrue();
    }

    @Test
    void aDifferenceInsideANoisyCellIsUnsure() {
        CellComparison noisy = cell(comparison, "django-gunicorn", "json", C100);
        assertThat(noisy.throughput().ratio().estimate()).isGreaterThan(1.05);
        assertThat(noisy.throughput().verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(noisy.throughput().reason()).isEqualTo(Judgement.Reason.INTERVAL_CONTAINS_ONE);
    }

    @Test
    void aTightSmallDifferenceIsTheSame() {
        CellComparison fastify = cell(comparison, "fastify", "user", C100);
        assertThat(fastify.throughput().verdict()).isEqualTo(Verdict.SAME);
        assertThat(fastify.throughput().reason()).isEqualTo(Judgement.Reason.WITHIN_MARGIN);
    }

    /** B keeps two trials per cell: a 22% faster express still gets no verdict, and the reason says why. */
    @Test
    void fewerThanThreeTrialsGiveNoVerdict() {
        Run r = b.run();
        Run twoTrials = new Run(r.schemaVersion(), r.suite(), r.started(), r.finished(), r.status(), r.plan(),
                r.environment(), r.contestants(), r.trials().stream().filter(t -> t.trial() <= 2).toList(),
                r.reference());
        Comparison c = Comparison.of(a, Analyzer.analyze(twoTrials, t -> Optional.empty(), AnalysisSettings.DEFAULTS),
                AnalysisSettings.DEFAULTS);
        CellComparison express = cell(c, "express", "json", C100);
        assertThat(express.throughput().verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(express.throughput().whyNoVerdict(3))
                .contains("no verdict: A has 5 ranked trials, B 2; a verdict needs 3 on each side");
        assertThat(c.cells()).allMatch(x -> x.throughput().reason() == Judgement.Reason.TOO_FEW_TRIALS);
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void unmatchedCellsAndChangedVersionsAreListed() {
        assertThat(comparison.cells()).hasSize(16);
        assertThat(comparison.onlyInA()).hasSize(15).allMatch(k -> k.level() instanceof LoadLevel.Open);
        assertThat(comparison.onlyInB()).isEmpty();
        assertThat(comparison.differences()).containsExactly(
                "kernel: 6.1.0-31-amd64 -> 6.1.0-32-amd64",
                "express frameworkVersion: 4.21.2 -> 5.0.1",
                "express codeCommit: 3f1c2a9 -> 8d02e4b");
    }
}
