package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(2, 1, 3));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
    }

    @Test
    void relativeSpreadIsRangeOverMedian() {
        assertThat(Spread.of(List.of(90.0, 100.0, 110.0)).relative()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void touchingRangesOverlap() {
        assertThat(new Spread(2, 1, 3).overlaps(new Spread(4, 3, 5))).isTrue();
        assertThat(new Spread(2, 1, 3).overlaps(new Spread(4, 3.01, 5))).isFalse();
    }
}
