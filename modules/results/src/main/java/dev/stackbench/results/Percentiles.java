package dev.stackbench.results;

import org.HdrHistogram.AbstractHistogram;

/**
 * A latency distribution summary. Every value is in microseconds.
 *
 * @param p50 median
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param p9999 99.99th percentile
 * @param max the largest recorded value
 * @param mean arithmetic mean
 * @param stdev standard deviation
 */
public record Percentiles(
        long p50, long p75, long p90, long p99, long p999, long p9999, long max,
        double mean, double stdev) {

    /**
     * Summarises a histogram whose values are microseconds. Mean and standard deviation are
     * rounded to 0.1 µs so that {@code run.json} stays readable.
     *
     * @param histogramMicros values in microseconds; not modified
     */
    public static Percentiles of(AbstractHistogram histogramMicros) {
        AbstractHistogram h = histogramMicros;
        return new Percentiles(
                h.getValueAtPercentile(50), h.getValueAtPercentile(75), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99),
                h.getMaxValue(),
                Math.round(h.getMean() * 10) / 10.0, Math.round(h.getStdDeviation() * 10) / 10.0);
    }
}
