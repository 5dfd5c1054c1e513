package dev.stackbench.analysis;

import static dev.stackbench.analysis.SyntheticRuns.latency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.Percentiles;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileFigureTest {

    @Test
    void tenValuesMustLieBeyondAPercentile() {
        assertThat(PercentileFigure.needed(50)).isEqualTo(20);
        assertThat(PercentileFigure.needed(90)).isEqualTo(100);
        assertThat(PercentileFigure.needed(99)).isEqualTo(1_000);
        assertThat(PercentileFigure.needed(99.9)).isEqualTo(10_000);
    }

    @Test
    void theSmallestTrialDecides() {
        var trials = List.of(
                SyntheticRuns.trial("a", 1, 100, dev.stackbench.results.Errors.NONE, List.of(), latency(1000, 20_000, 0)),
                SyntheticRuns.trial("a", 2, 100, dev.stackbench.results.Errors.NONE, List.of(), latency(1000, 9_999, 0)));
        PercentileFigure p999 = PercentileFigure.of("p99.9", 99.9, trials, Percentiles::p999);
        PercentileFigure p99 = PercentileFigure.of("p99", 99, trials, Percentiles::p99);
        assertThat(p999.minCount()).isEqualTo(9_999);
        assertThat(p999.supported()).isFalse();
        assertThat(p99.supported()).isTrue();
    }

    /**
     * A silent server: 100 fast answers, then 5 requests time out at 2 s (recorded at the
     * censored value). The first censored rank is 101 of 105: p95 (rank 100) is measured, p99
     * (rank 104) is only a lower bound.
     */
    @Test
    void percentilesOnCensoredValuesAreLowerBounds() {
        Histogram h = new Histogram(2);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(1000 + i);
        }
        h.recordValueWithCount(2_000_000, 5);
        Percentiles p = Percentiles.of(h, 5);
        assertThat(PercentileFigure.censoredAt(p, 95)).isFalse();
        assertThat(PercentileFigure.censoredAt(p, 96.2)).isTrue();
        assertThat(PercentileFigure.censoredAt(p, 99)).isTrue();
        assertThat(p.p99()).isGreaterThanOrEqualTo(1_990_000);
        assertThat(PercentileFigure.censoredAt(latency(1000, 105, 0), 99.99)).isFalse();
    }
}
