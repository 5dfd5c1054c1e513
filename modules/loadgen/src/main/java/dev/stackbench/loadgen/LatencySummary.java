package dev.stackbench.loadgen;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, all in microseconds.
 *
 * @param count number of recorded values
 */
public record LatencySummary(long count, long p50Micros, long p75Micros, long p90Micros, long p99Micros,
                             long p999Micros, long p9999Micros, long maxMicros, double meanMicros, double stdevMicros) {

    /** @return the summary of a histogram recorded in microseconds (all zero when empty) */
    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(75), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99),
                h.getMaxValue(), h.getMean(), h.getStdDeviation());
    }
}
