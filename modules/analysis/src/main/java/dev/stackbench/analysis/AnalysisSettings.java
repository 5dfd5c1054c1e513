package dev.stackbench.analysis;

/**
 * The thresholds of the analysis, in one place. {@link #DEFAULTS} is what every command uses
 * unless told otherwise; the help text and docs/reports.md quote it.
 *
 * @param noisyRelativeSpread a cell whose throughput (max - min) / median across trials is above
 *     this fraction is flagged {@link Flag#NOISY}: too wide to rank on. Default 0.10 (10%).
 * @param sameWithin {@code compare} calls two cells the same when their medians differ by less
 *     than this fraction, whatever the spread. Default 0.05 (5%).
 * @param saturatedBelow an open-model cell whose achieved rate is below this fraction of the
 *     offered rate is flagged {@link Flag#SATURATED}. Default 0.97.
 */
public record AnalysisSettings(double noisyRelativeSpread, double sameWithin, double saturatedBelow) {

    /** Default noise threshold, percent of the median (help texts quote it). */
    public static final int DEFAULT_NOISY_PERCENT = 10;
    /** Default minimum difference for {@code compare}, percent (help texts quote it). */
    public static final int DEFAULT_SAME_WITHIN_PERCENT = 5;
    /** Default saturation threshold, percent of the offered rate. */
    public static final int DEFAULT_SATURATED_BELOW_PERCENT = 97;

    /** The defaults: 10% noise, 5% minimum difference, saturated below 97% of the offered rate. */
    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(DEFAULT_NOISY_PERCENT / 100.0,
            DEFAULT_SAME_WITHIN_PERCENT / 100.0, DEFAULT_SATURATED_BELOW_PERCENT / 100.0);

    public AnalysisSettings {
        if (!(noisyRelativeSpread > 0)) {
            throw new IllegalArgumentException("noisyRelativeSpread must be > 0, was " + noisyRelativeSpread);
        }
        if (sameWithin < 0) {
            throw new IllegalArgumentException("sameWithin must be >= 0, was " + sameWithin);
        }
        if (!(saturatedBelow > 0 && saturatedBelow <= 1)) {
            throw new IllegalArgumentException("saturatedBelow must be within (0, 1], was " + saturatedBelow);
        }
    }
}
