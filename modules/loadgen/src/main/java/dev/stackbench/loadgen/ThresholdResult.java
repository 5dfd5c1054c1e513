package dev.stackbench.loadgen;

/**
 * How one {@link Threshold} fared.
 *
 * @param threshold  the criterion
 * @param actual     the measured value, in the threshold's unit; NaN when there was nothing to measure
 *                   (no request of that kind), which fails
 * @param lowerBound whether {@code actual} is only a lower bound (a percentile at or above the first
 *                   censored rank: timeouts, unsent). Such a value fails a {@code <} or {@code <=}
 *                   threshold whatever it is, since the true value is unknown and may be larger; it
 *                   decides a {@code >} or {@code >=} threshold as usual
 * @param passed     whether it held
 */
public record ThresholdResult(Threshold threshold, double actual, boolean lowerBound, boolean passed) {
}
