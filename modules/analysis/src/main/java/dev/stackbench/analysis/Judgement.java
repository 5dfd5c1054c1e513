package dev.stackbench.analysis;

/**
 * A noise-aware verdict on one metric of a cell in two runs.
 *
 * <p>With {@code d = |B - A| / A} (medians) and {@code noise = (A's half range + B's half range) / A}:
 * SAME when {@code d < sameWithin} ({@link Reason#BELOW_THRESHOLD}) or {@code d <= noise}
 * ({@link Reason#WITHIN_NOISE}); otherwise FASTER or SLOWER ({@link Reason#OUTSIDE_NOISE}).
 *
 * @param verdict B compared with A
 * @param ratio B's median / A's median
 * @param reason which rule decided
 * @param combinedNoise the two cells' half ranges added, relative to A's median
 */
public record Judgement(Verdict verdict, double ratio, Reason reason, double combinedNoise) {

    /** Which rule decided a verdict. */
    public enum Reason {
        /** The difference is below {@link AnalysisSettings#sameWithin()}. */
        BELOW_THRESHOLD,
        /** The difference is within the combined spread of the two cells. */
        WITHIN_NOISE,
        /** The difference is larger than the combined spread and the threshold. */
        OUTSIDE_NOISE
    }

    /**
     * @param higherIsBetter true for req/s, false for latency
     */
    static Judgement of(Spread a, Spread b, boolean higherIsBetter, AnalysisSettings settings) {
        double ratio = a.median() == 0 ? Double.NaN : b.median() / a.median();
        double difference = a.median() == 0 ? 0 : Math.abs(b.median() - a.median()) / a.median();
        double noise = a.median() == 0 ? 0 : (a.halfWidth() + b.halfWidth()) / a.median();
        if (difference < settings.sameWithin()) {
            return new Judgement(Verdict.SAME, ratio, Reason.BELOW_THRESHOLD, noise);
        }
        if (difference <= noise) {
            return new Judgement(Verdict.SAME, ratio, Reason.WITHIN_NOISE, noise);
        }
        boolean bHigher = b.median() > a.median();
        return new Judgement(bHigher == higherIsBetter ? Verdict.FASTER : Verdict.SLOWER, ratio,
                Reason.OUTSIDE_NOISE, noise);
    }
}
