package dev.stackbench.loadgen;

/**
 * How one {@link Threshold} fared.
 *
 * @param threshold  the criterion
 * @param actual     the measured value, in the threshold's unit; NaN when there was nothing to measure
 *                   (no request of that kind), which fails
 * @param lowerBound whether {@code actual} is only a lower bound (censored values: timeouts, unsent,
 *                   {@link LatencySummary#isLowerBound}). A latency threshold passes only when it would
 *                   whatever the censored values' true latencies: a {@code <} or {@code <=} threshold is
 *                   then decided with every censored value taken as infinitely late (the value at the
 *                   same rank among the responses alone; the max and the mean fail), a {@code >} or
 *                   {@code >=} threshold by this lower bound
 * @param passed     whether it held
 */
public record ThresholdResult(Threshold threshold, double actual, boolean lowerBound, boolean passed) {
}
