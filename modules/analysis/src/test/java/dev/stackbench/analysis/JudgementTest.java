package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgementTest {
    final AnalysisSettings s = AnalysisSettings.DEFAULTS;
    final double[] a = {1000, 1010, 990, 1005, 995};

    @Test
    void aClearImprovementIsFaster() {
        Judgement j = Judgement.of(a, scale(a, 1.2), true, s);
        assertThat(j.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(j.reason()).isEqualTo(Judgement.Reason.INTERVAL_EXCLUDES_ONE);
        assertThat(j.ratio().estimate()).isBetween(1.19, 1.21);
        // lower latency is better: the same figures as latencies are a regression
        assertThat(Judgement.of(a, scale(a, 1.2), false, s).verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void aTightSmallDifferenceIsTheSame() {
        Judgement j = Judgement.of(a, scale(a, 1.01), true, s);
        assertThat(j.verdict()).isEqualTo(Verdict.SAME);
        assertThat(j.reason()).isEqualTo(Judgement.Reason.WITHIN_MARGIN);
    }

    @Test
    void aWideIntervalAroundOneIsUnsure() {
        double[] noisy = {800, 1300, 950, 1200, 1000};
        Judgement j = Judgement.of(a, noisy, true, s);
        assertThat(j.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(j.reason()).isEqualTo(Judgement.Reason.INTERVAL_CONTAINS_ONE);
    }

    /** Two trials against five, and a 30% difference: still no verdict, with the reason in one line. */
    @Test
    void fewerThanThreeTrialsGiveNoVerdict() {
        Judgement j = Judgement.of(a, new double[] {1300, 1310}, true, s);
        assertThat(j.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(j.reason()).isEqualTo(Judgement.Reason.TOO_FEW_TRIALS);
        assertThat(j.whyNoVerdict(3)).contains("no verdict: A has 5 ranked trials, B 2; a verdict needs 3 on each side");
        assertThat(Judgement.of(new double[] {1000}, a, true, s).whyNoVerdict(3))
                .contains("no verdict: A has 1 ranked trial, B 5; a verdict needs 3 on each side");
    }

    private static double[] scale(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor * (i % 2 == 0 ? 1.002 : 0.998);
        }
        return out;
    }

    /** Latency: B measured 20% slower. Censored (lower-bound) values can only make a side worse. */
    @Test
    void lowerBoundsKeepAVerdictOnlyWhenTheBoundedSideIsAlreadyWorse() {
        Judgement slower = Judgement.of(a, scale(a, 1.2), false, s);
        assertThat(slower.verdict()).isEqualTo(Verdict.SLOWER);
        PercentileFigure exact = figure(false, 100_000);
        PercentileFigure bound = figure(true, 100_000);
        assertThat(slower.forPercentiles(exact, bound).verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(slower.forPercentiles(bound, exact).reason()).isEqualTo(Judgement.Reason.CENSORED);
        assertThat(slower.forPercentiles(bound, bound).verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(slower.forPercentiles(exact, figure(false, 999)).reason())
                .isEqualTo(Judgement.Reason.TOO_FEW_VALUES);
        assertThat(slower.forPercentiles(exact, exact)).isEqualTo(slower);
    }

    private static PercentileFigure figure(boolean lowerBound, long count) {
        return new PercentileFigure("p99", 99, Spread.of(java.util.List.of(1.0, 2.0)), count, lowerBound);
    }
}
