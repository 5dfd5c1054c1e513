package dev.stackbench.loadgen;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, all in microseconds, and how many of its values are
 * censored: lower bounds (a timed-out request, at its timeout; a request never sent, at its wait
 * until the window's end) rather than measured latencies.
 *
 * <p>Order statistics below the rank of the smallest censored value are exact; from that rank on
 * they are lower bounds, since every censored value's true latency can only be larger. Print such
 * a percentile as "&gt;=" ({@link #isLowerBound(double)}).
 *
 * @param count             number of recorded values, censored ones included
 * @param censored          how many of them are censored
 * @param firstCensoredRank 1-based rank (in ascending order) of the smallest censored value,
 *                          0 when none is censored
 */
public record LatencySummary(long count, long p50Micros, long p75Micros, long p90Micros, long p99Micros,
                             long p999Micros, long p9999Micros, long maxMicros, double meanMicros, double stdevMicros,
                             long censored, long firstCensoredRank) {

    /** @return the summary of a histogram recorded in microseconds with no censored value (all zero when empty) */
    public static LatencySummary of(Histogram h) {
        return of(h, null);
    }

    /**
     * @param all      every value, censored ones included, microseconds
     * @param censored the censored values alone (also in {@code all}), or null for none
     * @return the summary (all zero when empty)
     */
    public static LatencySummary of(Histogram all, Histogram censored) {
        if (all.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long censoredCount = censored == null ? 0 : censored.getTotalCount();
        long firstRank = 0;
        if (censoredCount > 0) {
            long smallest = all.lowestEquivalentValue(censored.getMinValue());
            firstRank = (smallest == 0 ? 0 : all.getCountBetweenValues(0, smallest - 1)) + 1;
        }
        return new LatencySummary(all.getTotalCount(),
                all.getValueAtPercentile(50), all.getValueAtPercentile(75), all.getValueAtPercentile(90),
                all.getValueAtPercentile(99), all.getValueAtPercentile(99.9), all.getValueAtPercentile(99.99),
                all.getMaxValue(), all.getMean(), all.getStdDeviation(), censoredCount, firstRank);
    }

    /**
     * @param percentile 0..100
     * @return whether the value at this percentile is only a lower bound (its rank is at or above
     *         the first censored rank); the max and the mean are lower bounds whenever {@code censored > 0}
     */
    public boolean isLowerBound(double percentile) {
        if (censored == 0) {
            return false;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        return rank >= firstCensoredRank;
    }
}
