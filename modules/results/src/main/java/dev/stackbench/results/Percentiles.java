package dev.stackbench.results;

import org.HdrHistogram.AbstractHistogram;

/**
 * A latency distribution summary. Every value is in microseconds.
 *
 * <p>Censored values: a request that timed out, or (open model) was due but never sent before
 * the window ended, is recorded at its censored value (the timeout, or the time it had waited
 * when the window ended): its true latency is at least that. {@code censored} counts them, so
 * a reader knows that every percentile at or above rank {@code count - censored} is a lower
 * bound, not a measurement.
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
 * @param count values recorded, censored ones included, >= 0
 * @param censored values recorded at a censored value (timeouts and unsent requests),
 *     0..{@code count}
 */
public record Percentiles(
        long p50, long p75, long p90, long p99, long p999, long p9999, long max,
        double mean, double stdev, long count, long censored) {

    public Percentiles {
        if (count < 0 || censored < 0 || censored > count) {
            throw new IllegalArgumentException("censored must be within 0..count, was censored " + censored
                    + ", count " + count);
        }
    }

    /**
     * Summarises a histogram whose values are microseconds and none of them censored.
     *
     * @param histogramMicros values in microseconds; not modified
     */
    public static Percentiles of(AbstractHistogram histogramMicros) {
        return of(histogramMicros, 0);
    }

    /**
     * Summarises a histogram whose values are microseconds. Mean and standard deviation are
     * rounded to 0.1 µs so that {@code run.json} stays readable.
     *
     * @param histogramMicros values in microseconds; not modified
     * @param censored how many of its values were recorded at a censored value (timeouts,
     *     unsent requests), 0..its total count
     */
    public static Percentiles of(AbstractHistogram histogramMicros, long censored) {
        AbstractHistogram h = histogramMicros;
        return new Percentiles(
                h.getValueAtPercentile(50), h.getValueAtPercentile(75), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99),
                h.getMaxValue(),
                Math.round(h.getMean() * 10) / 10.0, Math.round(h.getStdDeviation() * 10) / 10.0,
                h.getTotalCount(), censored);
    }

    /**
     * @return the fraction of values recorded at a censored value, 0..1 (0 when empty)
     */
    public double censoredFraction() {
        return count == 0 ? 0 : (double) censored / count;
    }
}
