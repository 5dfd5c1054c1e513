package dev.stackbench.analysis;

import java.util.Optional;

/**
 * A verdict on one metric of a cell in two runs, from the {@value Spread#CONFIDENCE_PERCENT}%
 * interval of the ratio B/A (Welch's t-interval on the logs of the ranked trials: two runs are
 * independent samples, nothing pairs them). In order:
 * <ol>
 *   <li>either side has fewer than {@link AnalysisSettings#minTrialsForVerdict()} ranked trials:
 *       UNSURE, {@link Reason#TOO_FEW_TRIALS};</li>
 *   <li>the interval lies within [1/(1+m), 1+m], m = {@link AnalysisSettings#sameWithin()}: SAME,
 *       {@link Reason#WITHIN_MARGIN};</li>
 *   <li>the interval excludes 1: FASTER or SLOWER, {@link Reason#INTERVAL_EXCLUDES_ONE};</li>
 *   <li>otherwise UNSURE, {@link Reason#INTERVAL_CONTAINS_ONE}.</li>
 * </ol>
 * For p99 two more rules follow ({@link #forPercentiles}): a p99 too few values back (see
 * {@link PercentileFigure}) gives no verdict, {@link Reason#TOO_FEW_VALUES}; a p99 that is only a
 * lower bound (censored values) keeps a verdict only when the bounded side is already the worse
 * one, else UNSURE, {@link Reason#CENSORED}.
 *
 * @param verdict B compared with A
 * @param ratio B over A with its interval
 * @param reason which rule decided
 * @param trialsA ranked trials of A's cell
 * @param trialsB ranked trials of B's cell
 */
public record Judgement(Verdict verdict, Ratio ratio, Reason reason, int trialsA, int trialsB) {

    /** Which rule decided a verdict. */
    public enum Reason {
        /** A side has fewer ranked trials than a verdict needs. */
        TOO_FEW_TRIALS,
        /** The interval lies within the equivalence margin. */
        WITHIN_MARGIN,
        /** The interval excludes 1. */
        INTERVAL_EXCLUDES_ONE,
        /** The interval contains 1 and reaches beyond the margin: the trials cannot tell. */
        INTERVAL_CONTAINS_ONE,
        /** A percentile that too few values back, in A or B. */
        TOO_FEW_VALUES,
        /** A percentile that is a lower bound (censored values) on the side the verdict would favour. */
        CENSORED
    }

    /**
     * @param a A's ranked trials' values
     * @param b B's ranked trials' values
     * @param higherIsBetter true for req/s, false for latency
     */
    static Judgement of(double[] a, double[] b, boolean higherIsBetter, AnalysisSettings settings) {
        Ratio ratio = Ratio.unpaired(b, a);
        if (a.length < settings.minTrialsForVerdict() || b.length < settings.minTrialsForVerdict()) {
            return new Judgement(Verdict.UNSURE, ratio, Reason.TOO_FEW_TRIALS, a.length, b.length);
        }
        if (ratio.withinMargin(settings.sameWithin())) {
            return new Judgement(Verdict.SAME, ratio, Reason.WITHIN_MARGIN, a.length, b.length);
        }
        if (ratio.excludesOne()) {
            boolean bHigher = ratio.estimate() > 1;
            return new Judgement(bHigher == higherIsBetter ? Verdict.FASTER : Verdict.SLOWER, ratio,
                    Reason.INTERVAL_EXCLUDES_ONE, a.length, b.length);
        }
        return new Judgement(Verdict.UNSURE, ratio, Reason.INTERVAL_CONTAINS_ONE, a.length, b.length);
    }

    /**
     * Applies the percentile rules to a verdict on a latency percentile (lower is better).
     *
     * @param a A's percentile
     * @param b B's percentile
     */
    Judgement forPercentiles(PercentileFigure a, PercentileFigure b) {
        if (reason == Reason.TOO_FEW_TRIALS) {
            return this;
        }
        if (!a.supported() || !b.supported()) {
            return new Judgement(Verdict.UNSURE, ratio, Reason.TOO_FEW_VALUES, trialsA, trialsB);
        }
        if (!a.lowerBound() && !b.lowerBound()) {
            return this;
        }
        // B's true value is at least what was measured: "B is slower" stands if A is exact, and vice versa
        boolean holds = (verdict == Verdict.SLOWER && !a.lowerBound()) || (verdict == Verdict.FASTER && !b.lowerBound());
        return holds ? this : new Judgement(Verdict.UNSURE, ratio, Reason.CENSORED, trialsA, trialsB);
    }

    /**
     * @return for {@link Reason#TOO_FEW_TRIALS}, one line saying why, e.g. {@code no verdict: A has 1
     *     ranked trial, B 3; a verdict needs 3 on each side}
     */
    public Optional<String> whyNoVerdict(int needed) {
        if (reason != Reason.TOO_FEW_TRIALS) {
            return Optional.empty();
        }
        return Optional.of("no verdict: A has " + trialsA + (trialsA == 1 ? " ranked trial" : " ranked trials")
                + ", B " + trialsB + "; a verdict needs " + needed + " on each side");
    }
}
