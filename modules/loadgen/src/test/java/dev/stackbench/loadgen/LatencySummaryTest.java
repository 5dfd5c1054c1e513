package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Censored values on synthetic data with a known answer. */
class LatencySummaryTest {

    @Test
    void percentilesFromTheFirstCensoredRankOnAreLowerBounds() {
        Histogram all = new Histogram(1, 10_000_000, 3);
        Histogram censored = new Histogram(1, 10_000_000, 3);
        for (int v = 1; v <= 1000; v++) {
            all.recordValue(v);
            if (v > 900) {
                censored.recordValue(v); // the slowest 100 timed out
            }
        }
        LatencySummary s = LatencySummary.of(all, censored);

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.censored()).isEqualTo(100);
        assertThat(s.firstCensoredRank()).isEqualTo(901);
        assertThat(s.isLowerBound(50)).isFalse();
        assertThat(s.isLowerBound(90)).as("rank 900 is the last exact one").isFalse();
        assertThat(s.isLowerBound(90.1)).isTrue();
        assertThat(s.isLowerBound(99)).isTrue();
        assertThat(s.p99Micros()).isEqualTo(990);
    }

    @Test
    void aSmallCensoredValueMakesEveryRankAboveItALowerBound() {
        Histogram all = new Histogram(1, 10_000_000, 3);
        Histogram censored = new Histogram(1, 10_000_000, 3);
        for (int v = 1; v <= 100; v++) {
            all.recordValue(v);
        }
        censored.recordValue(30); // unsent, due 30 us before the end
        all.recordValue(30);
        LatencySummary s = LatencySummary.of(all, censored);

        assertThat(s.firstCensoredRank()).isEqualTo(30);
        assertThat(s.isLowerBound(25)).isFalse();
        assertThat(s.isLowerBound(50)).isTrue();
    }

    @Test
    void aCensoredValueThatCannotMoveAPercentileLeavesItExact() {
        Histogram all = new Histogram(1, 10_000_000, 3);
        Histogram censored = new Histogram(1, 10_000_000, 3);
        all.recordValueWithCount(500, 1000);
        all.recordValue(10);
        censored.recordValue(10); // one unsent request, due 10 us before the end
        LatencySummary s = LatencySummary.of(all, censored);

        // ranks 501 and 502 both hold 500: whatever the censored value really was, the p50 is 500
        assertThat(s.firstCensoredRank()).isEqualTo(1);
        assertThat(s.isLowerBound(50)).isFalse();
        assertThat(s.isLowerBound(99.99)).as("rank 1001 is the last: one raised value can move it").isTrue();
        assertThat(s.isLowerBound(100)).isTrue();
    }

    @Test
    void withoutCensoredValuesNothingIsALowerBound() {
        Histogram all = new Histogram(1, 10_000_000, 3);
        all.recordValue(5);
        LatencySummary s = LatencySummary.of(all);
        assertThat(s.censored()).isZero();
        assertThat(s.firstCensoredRank()).isZero();
        assertThat(s.isLowerBound(100)).isFalse();
    }
}
