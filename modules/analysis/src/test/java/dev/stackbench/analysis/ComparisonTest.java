package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    static final LoadLevel C100 = new LoadLevel.Closed(100);

    @TempDir
    static Path tmp;
    static Comparison comparison;

    @BeforeAll
    static void compare() {
        Analysis a = FixtureAnalyses.analyse(Fixtures.SEED_RUN, tmp.resolve("a"));
        Analysis b = FixtureAnalyses.analyse(Fixtures.SEED_RUN_B, tmp.resolve("b"));
        comparison = Comparison.of(a, b, AnalysisSettings.DEFAULTS);
    }

    CellComparison cell(String contestant, String workload, LoadLevel level) {
        return comparison.cells().stream().filter(c -> c.key().equals(new CellKey(contestant, workload, level)))
                .findFirst().orElseThrow();
    }

    @Test
    void aClearImprovementIsFaster() {
        CellComparison express = cell("express", "json", C100);
        assertThat(express.throughput().verdict()).isEqualTo(Verdict.FASTER);
        assertThat(express.throughput().ratio()).isCloseTo(1.22, within(0.03));
        assertThat(express.throughput().reason()).isEqualTo(Judgement.Reason.OUTSIDE_NOISE);
        // lower latency is better: p99 ratio below 1 is faster
        assertThat(express.p99().ratio()).isLessThan(0.9);
        assertThat(express.p99().verdict()).isEqualTo(Verdict.FASTER);
    }

    @Test
    void aClearRegressionIsSlower() {
        CellComparison django = cell("django-gunicorn", "user", C100);
        assertThat(django.throughput().verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(django.p99().verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void aDifferenceWithinTheNoiseIsTheSame() {
        CellComparison noisy = cell("django-gunicorn", "json", C100);
        assertThat(noisy.throughput().ratio()).isGreaterThan(1.05);
        assertThat(noisy.throughput().verdict()).isEqualTo(Verdict.SAME);
        assertThat(noisy.throughput().reason()).isEqualTo(Judgement.Reason.WITHIN_NOISE);
    }

    @Test
    void aDifferenceBelowTheThresholdIsTheSame() {
        CellComparison fastify = cell("fastify", "json", C100);
        assertThat(fastify.throughput().verdict()).isEqualTo(Verdict.SAME);
        assertThat(fastify.throughput().reason()).isEqualTo(Judgement.Reason.BELOW_THRESHOLD);
    }

    @Test
    void unmatchedCellsAndChangedVersionsAreListed() {
        assertThat(comparison.cells()).hasSize(16);
        assertThat(comparison.onlyInA()).hasSize(16).allMatch(k -> k.level() instanceof LoadLevel.Open);
        assertThat(comparison.onlyInB()).isEmpty();
        assertThat(comparison.differences()).containsExactly(
                "kernel: 6.1.0-31-amd64 -> 6.1.0-32-amd64",
                "express frameworkVersion: 4.21.2 -> 5.0.1",
                "express codeCommit: 3f1c2a9 -> 8d02e4b");
    }

    @Test
    void judgementRulesOnKnownSpreads() {
        AnalysisSettings s = AnalysisSettings.DEFAULTS;
        Spread a = new Spread(1000, 990, 1010);
        assertThat(Judgement.of(a, new Spread(1040, 1030, 1050), true, s).reason())
                .isEqualTo(Judgement.Reason.BELOW_THRESHOLD);
        assertThat(Judgement.of(new Spread(1000, 900, 1100), new Spread(1150, 1050, 1250), true, s).reason())
                .isEqualTo(Judgement.Reason.WITHIN_NOISE);
        assertThat(Judgement.of(a, new Spread(1100, 1090, 1110), true, s).verdict()).isEqualTo(Verdict.FASTER);
        assertThat(Judgement.of(a, new Spread(1100, 1090, 1110), false, s).verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(Judgement.of(a, new Spread(800, 790, 810), true, s).verdict()).isEqualTo(Verdict.SLOWER);
    }
}
