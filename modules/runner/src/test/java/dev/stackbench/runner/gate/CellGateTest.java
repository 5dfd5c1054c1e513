package dev.stackbench.runner.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.TrialLogs;
import dev.stackbench.results.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds on the fixture run's cells (facts from FixtureGenerator and docs/reports.md). */
class CellGateTest {
    @TempDir
    Path tmp;

    private Analysis fixture() {
        ResultsDirectory dir = ResultsDirectory.open(Fixtures.copy(Fixtures.SEED_RUN, tmp));
        return Analyzer.analyze(dir.run(), t -> dir.histograms(t).map(TrialLogs.Histograms::latency), AnalysisSettings.DEFAULTS);
    }

    private static Threshold t(String kind, Threshold.Metric m, Threshold.Operator op, double bound) {
        return new Threshold(kind, m, op, bound);
    }

    @Test
    void aThresholdAppliesToEveryCellAndAKindOnlyToItsWorkload() {
        Analysis a = fixture();
        List<CellGate.Outcome> all = CellGate.check(a, List.of(t("", Threshold.Metric.ERRORS, Threshold.Operator.LT, 1.0)));
        assertThat(all).hasSize(a.cells().size()).allMatch(CellGate.Outcome::passed);
        List<CellGate.Outcome> json = CellGate.check(a, List.of(t("json", Threshold.Metric.RPS, Threshold.Operator.GT, 0)));
        assertThat(json).isNotEmpty().allMatch(o -> o.cell().contains(" json "));
        assertThat(json.size()).isLessThan(a.cells().size());
        assertThat(CellGate.passed(json)).isTrue();
    }

    @Test
    void aCensoredP99CannotPassAnUpperBoundHoweverHighTheBound() {
        // the fixture's Django at 2000/s: p99 >= 4.65 s, a lower bound (its queue never drained)
        List<CellGate.Outcome> out = CellGate.check(fixture(), List.of(t("json", Threshold.Metric.P99, Threshold.Operator.LT, 60_000_000)));
        CellGate.Outcome django = out.stream().filter(o -> o.cell().equals("django-gunicorn json 2000 req/s offered")).findFirst().orElseThrow();
        assertThat(django.passed()).isFalse();
        assertThat(django.actual()).isGreaterThanOrEqualTo(4_650_000);
        assertThat(django.describe()).startsWith("FAIL json:p99<60000ms  django-gunicorn json 2000 req/s offered: ")
                .endsWith("; a lower bound (censored values: timeouts or unsent)");
        assertThat(CellGate.passed(out)).isFalse();
    }

    @Test
    void rateAppliesToOpenLevelsOnlyAsAchievedOverOffered() {
        List<CellGate.Outcome> out = CellGate.check(fixture(), List.of(t("", Threshold.Metric.RATE, Threshold.Operator.GE, 0.97)));
        assertThat(out).isNotEmpty().allMatch(o -> o.cell().endsWith("req/s offered"));
        assertThat(out).allSatisfy(o -> assertThat(o.actual()).isBetween(0.0, 1.2));
        // Django cannot keep 2000/s: the rate threshold fails there
        assertThat(out.stream().filter(o -> o.cell().startsWith("django-gunicorn json 2000")).findFirst().orElseThrow().passed()).isFalse();
    }

    @Test
    void aMetricRunsDoNotKeepIsRefusedWithTheOnesTheyDo() {
        assertThatThrownBy(() -> CellGate.requireSupported(List.of(t("", Threshold.Metric.P75, Threshold.Operator.LT, 1000))))
                .hasMessage("--threshold 'p75<1ms': a run keeps no p75 per cell; expected one of p50, p90, p99, p99.9, mean, errors, rate, rps");
    }
}
