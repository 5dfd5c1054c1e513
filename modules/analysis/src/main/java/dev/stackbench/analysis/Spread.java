package dev.stackbench.analysis;

import java.util.Collection;
import java.util.Optional;

/**
 * A metric across the trials of a cell: its median, range, coefficient of variation and the
 * {@value #CONFIDENCE_PERCENT}% confidence interval of its median.
 *
 * <p>The interval is a Student-t interval on the logs of the values, exponentiated
 * ({@link LogSample#interval}): under the log-normal model of trial-to-trial noise it covers the
 * distribution's median. It needs two or more values, all positive; otherwise it is empty.
 *
 * @param median the sample median (the mean of the two middle values for an even count)
 * @param min the smallest trial value
 * @param max the largest trial value
 * @param n how many trials, >= 1
 * @param cv coefficient of variation: sample standard deviation / mean (0 for one value or a
 *     zero mean)
 * @param interval the median's confidence interval, or empty (see above)
 */
public record Spread(double median, double min, double max, int n, double cv, Optional<Interval> interval) {

    /** The confidence level of every interval in the analysis. */
    public static final double CONFIDENCE = 0.95;
    /** {@link #CONFIDENCE} in percent, for texts. */
    public static final int CONFIDENCE_PERCENT = 95;

    public Spread {
        if (!(min <= median && median <= max)) {
            throw new IllegalArgumentException("need min <= median <= max, was " + min + ", " + median + ", " + max);
        }
        if (n < 1) {
            throw new IllegalArgumentException("a spread needs at least one value, was " + n);
        }
    }

    /** @param values one value per trial, at least one */
    public static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mean = 0;
        for (double v : sorted) {
            mean += v / n;
        }
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double cv = n > 1 && mean != 0 ? Math.sqrt(squares / (n - 1)) / Math.abs(mean) : 0;
        Optional<Interval> interval = LogSample.of(sorted).flatMap(s -> s.interval(CONFIDENCE));
        return new Spread(median, sorted[0], sorted[n - 1], n, cv, interval);
    }

    /** @return (max - min) / median; 0 for a zero median */
    public double relative() {
        return median == 0 ? 0 : (max - min) / median;
    }
}
