package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        Spread s = Spread.of(List.of(3.0, 1.0, 2.0));
        assertThat(s.median()).isEqualTo(2);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(3);
        assertThat(s.n()).isEqualTo(3);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
    }

    @Test
    void coefficientOfVariationIsSampleSdOverMean() {
        // mean 100, sample sd 10
        assertThat(Spread.of(List.of(90.0, 100.0, 110.0)).cv()).isCloseTo(0.10, within(1e-12));
        assertThat(Spread.of(List.of(90.0)).cv()).isZero();
    }

    @Test
    void aZeroValueHasNoLogIntervalButAMedian() {
        Spread s = Spread.of(List.of(0.0, 1.0, 2.0));
        assertThat(s.median()).isEqualTo(1.0);
        assertThat(s.interval()).isEmpty();
    }

    /**
     * The noise flag comes from the coefficient of variation: with a true CV of 3% and the 5%
     * threshold, more trials flag less often (the range, the old rule, grows with the count and
     * would flag more).
     */
    @Test
    void moreTrialsNeverMeanMoreNoiseFlags() {
        double threshold = AnalysisSettings.DEFAULTS.noisyCv();
        int[] counts = {3, 5, 10, 20};
        double[] cvFlagged = new double[counts.length];
        double[] rangeFlagged = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            Random random = new Random(99);
            int flagged = 0;
            int wide = 0;
            for (int run = 0; run < 1000; run++) {
                List<Double> values = new ArrayList<>();
                for (int t = 0; t < counts[k]; t++) {
                    values.add(10_000 * Math.exp(0.03 * random.nextGaussian()));
                }
                Spread s = Spread.of(values);
                flagged += s.cv() > threshold ? 1 : 0;
                wide += s.relative() > 0.10 ? 1 : 0;
            }
            cvFlagged[k] = flagged / 1000.0;
            rangeFlagged[k] = wide / 1000.0;
        }
        for (int k = 1; k < counts.length; k++) {
            assertThat(cvFlagged[k]).isLessThanOrEqualTo(cvFlagged[k - 1]);
        }
        assertThat(cvFlagged[counts.length - 1]).isLessThan(0.01);
        // the range rule it replaces does the opposite
        assertThat(rangeFlagged[counts.length - 1]).isGreaterThan(rangeFlagged[0]);
    }
}
