package dev.stackbench.analysis;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The natural logarithms of positive values: their mean, sample standard deviation and count,
 * and Student-t intervals on that scale. Throughputs and latencies are positive and their noise
 * is multiplicative (a slower machine scales every figure), so a log scale makes it symmetric and
 * turns ratios into differences.
 *
 * @param mean mean of the logs
 * @param sd sample standard deviation of the logs (n - 1 in the denominator); 0 for one value
 * @param n how many values, >= 1
 */
record LogSample(double mean, double sd, int n) {

    /** @return the logs' summary, or empty when a value is not positive (a log needs > 0) or there is none */
    static Optional<LogSample> of(double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double sum = 0;
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                return Optional.empty();
            }
            sum += Math.log(v);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            double d = Math.log(v) - mean;
            squares += d * d;
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return Optional.of(new LogSample(mean, sd, values.length));
    }

    /**
     * The t-interval for the mean of the logs, exponentiated: for log-normal values, an interval
     * for their distribution's median exp(mu).
     *
     * @return empty for a single value (no spread to go by)
     */
    Optional<Interval> interval(double confidence) {
        if (n < 2) {
            return Optional.empty();
        }
        double half = quantile(n - 1, confidence) * sd / Math.sqrt(n);
        return Optional.of(new Interval(Math.exp(mean - half), Math.exp(mean + half)));
    }

    /**
     * Welch's interval for {@code exp(mean(this) - mean(other))}: the ratio of two independent
     * samples' geometric means, unequal variances, Welch-Satterthwaite degrees of freedom.
     *
     * @return empty unless both have at least two values
     */
    Optional<Interval> ratioInterval(LogSample other, double confidence) {
        if (n < 2 || other.n < 2) {
            return Optional.empty();
        }
        double va = sd * sd / n;
        double vb = other.sd * other.sd / other.n;
        double se = Math.sqrt(va + vb);
        double diff = mean - other.mean;
        if (se == 0) {
            return Optional.of(new Interval(Math.exp(diff), Math.exp(diff)));
        }
        double df = (va + vb) * (va + vb) / (va * va / (n - 1) + vb * vb / (other.n - 1));
        double half = quantile(df, confidence) * se;
        return Optional.of(new Interval(Math.exp(diff - half), Math.exp(diff + half)));
    }

    /** @return the two-sided Student-t quantile, e.g. 4.303 for df 2 at 0.95 */
    static double quantile(double degreesOfFreedom, double confidence) {
        // null RandomGenerator: only the quantile is needed, not samples
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2);
    }
}
