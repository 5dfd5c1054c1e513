package dev.stackbench.loadgen;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, all in microseconds, and how many of its values are
 * censored: lower bounds (a timed-out request, at its timeout; a request never sent, at its wait
 * until the window's end) rather than measured latencies.
 *
 * <p>Which percentiles are then only lower bounds: raising k censored values to their unknown true
 * latencies can move the value at rank r up to the value at rank r + k, never down. So the value at
 * a percentile is exact when its rank is below the first censored rank, or when the value k ranks
 * higher is the same (within the histogram's precision); otherwise it is a lower bound, printed
 * "&gt;=" ({@link #isLowerBound(double)}).
 *
 * @param count             number of recorded values, censored ones included
 * @param censored          how many of them are censored
 * @param firstCensoredRank 1-based rank (in ascending order) of the smallest censored value,
 *                          0 when none is censored
 * @param lowerBounds       which of the percentiles 50, 75, 90, 99, 99.9, 99.99 are lower bounds
 */
public record LatencySummary(long count, long p50Micros, long p75Micros, long p90Micros, long p99Micros,
                             long p999Micros, long p9999Micros, long maxMicros, double meanMicros, double stdevMicros,
                             long censored, long firstCensoredRank, List<Double> lowerBounds) {
    private static final double[] REPORTED = {50, 75, 90, 99, 99.9, 99.99};

    public LatencySummary {
        lowerBounds = List.copyOf(lowerBounds);
    }

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
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        long n = all.getTotalCount();
        long k = censored == null ? 0 : censored.getTotalCount();
        long firstRank = 0;
        List<Double> bounds = new ArrayList<>();
        if (k > 0) {
            long smallest = all.lowestEquivalentValue(censored.getMinValue());
            firstRank = (smallest == 0 ? 0 : all.getCountBetweenValues(0, smallest - 1)) + 1;
            for (double p : REPORTED) {
                long rank = rank(p, n);
                if (rank >= firstRank && (rank + k > n || valueAtRank(all, rank + k) != valueAtRank(all, rank))) {
                    bounds.add(p);
                }
            }
        }
        return new LatencySummary(n,
                all.getValueAtPercentile(50), all.getValueAtPercentile(75), all.getValueAtPercentile(90),
                all.getValueAtPercentile(99), all.getValueAtPercentile(99.9), all.getValueAtPercentile(99.99),
                all.getMaxValue(), all.getMean(), all.getStdDeviation(), k, firstRank, bounds);
    }

    /** @return the 1-based rank HdrHistogram reads a percentile at */
    private static long rank(double percentile, long n) {
        return Math.max(1, (long) (percentile / 100.0 * n + 0.5));
    }

    private static long valueAtRank(Histogram h, long rank) {
        return h.getValueAtPercentile(Math.min(100.0, 100.0 * rank / h.getTotalCount()));
    }

    /**
     * @param percentile one of 50, 75, 90, 99, 99.9, 99.99, or 100 for the max
     * @return whether the value at this percentile is only a lower bound; the max (and the mean) is
     *         one whenever {@code censored > 0}; another percentile counts as one from the first
     *         censored rank on
     */
    public boolean isLowerBound(double percentile) {
        if (censored == 0) {
            return false;
        }
        for (double p : REPORTED) {
            if (p == percentile) {
                return lowerBounds.contains(p);
            }
        }
        return percentile >= 100 || rank(percentile, count) >= firstCensoredRank;
    }
}
