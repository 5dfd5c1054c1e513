package dev.stackbench.analysis;

/**
 * The thresholds of the analysis, in one place. {@link #DEFAULTS} is what every command uses
 * unless told otherwise; the help text and docs/reports.md quote it.
 *
 * @param noisyCv a cell whose throughput coefficient of variation across trials (sample standard
 *     deviation / mean) is above this fraction is flagged {@link Flag#NOISY}. Default 0.05.
 * @param sameWithin the equivalence margin: two cells whose ratio's confidence interval lies
 *     within [1/(1+m), 1+m] are the same for any practical purpose ({@code compare}'s "same",
 *     and not distinguishable in a ranking). Default 0.05.
 * @param saturatedBelow an open-model cell whose achieved rate is below this fraction of the
 *     offered rate is flagged {@link Flag#SATURATED}. Default 0.97.
 * @param maxErrorRate a trial whose failed / attempted requests is above this fraction is not
 *     ranked. Default 0.05.
 * @param driftCv every report warns when the drift reference's coefficient of variation across
 *     the run is above this fraction. Default 0.05.
 * @param minTrialsForVerdict {@code compare} gives no faster / slower / same verdict when either
 *     side has fewer ranked trials than this. Default 3.
 */
public record AnalysisSettings(double noisyCv, double sameWithin, double saturatedBelow, double maxErrorRate,
        double driftCv, int minTrialsForVerdict) {

    /** Default noise threshold: coefficient of variation, percent (help texts quote it). */
    public static final int DEFAULT_NOISY_PERCENT = 5;
    /** Default equivalence margin, percent (help texts quote it). */
    public static final int DEFAULT_SAME_WITHIN_PERCENT = 5;
    /** Default saturation threshold, percent of the offered rate. */
    public static final int DEFAULT_SATURATED_BELOW_PERCENT = 97;
    /** Default largest error rate of a ranked trial, percent. */
    public static final int DEFAULT_MAX_ERROR_PERCENT = 5;
    /** Default drift warning threshold: the reference's coefficient of variation, percent. */
    public static final int DEFAULT_DRIFT_PERCENT = 5;
    /** Default trials per side for a compare verdict. */
    public static final int DEFAULT_MIN_TRIALS_FOR_VERDICT = 3;

    /** The defaults: see the constants. */
    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(DEFAULT_NOISY_PERCENT / 100.0,
            DEFAULT_SAME_WITHIN_PERCENT / 100.0, DEFAULT_SATURATED_BELOW_PERCENT / 100.0,
            DEFAULT_MAX_ERROR_PERCENT / 100.0, DEFAULT_DRIFT_PERCENT / 100.0, DEFAULT_MIN_TRIALS_FOR_VERDICT);

    public AnalysisSettings {
        if (!(noisyCv > 0)) {
            throw new IllegalArgumentException("noisyCv must be > 0, was " + noisyCv);
        }
        if (sameWithin < 0) {
            throw new IllegalArgumentException("sameWithin must be >= 0, was " + sameWithin);
        }
        if (!(saturatedBelow > 0 && saturatedBelow <= 1)) {
            throw new IllegalArgumentException("saturatedBelow must be within (0, 1], was " + saturatedBelow);
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("maxErrorRate must be within 0..1, was " + maxErrorRate);
        }
        if (!(driftCv > 0)) {
            throw new IllegalArgumentException("driftCv must be > 0, was " + driftCv);
        }
        if (minTrialsForVerdict < 2) {
            throw new IllegalArgumentException("minTrialsForVerdict must be >= 2, was " + minTrialsForVerdict);
        }
    }
}
