package dev.stackbench.loadgen;

/**
 * Decides when a warm-up's rate is stable: the coefficient of variation (sample standard deviation
 * / mean) of the last {@code window} rate samples is below a threshold. Not thread-safe.
 *
 * <pre>{@code
 * RateStability s = new RateStability(8, 0.05);
 * s.add(1020); ... if (s.stable()) { ... }
 * }</pre>
 */
final class RateStability {
    private final double[] last;
    private final double maxCv;
    private int count;

    /**
     * @param window samples the coefficient of variation covers, &gt;= 2
     * @param maxCv  the coefficient of variation below which the rate counts as stable
     */
    RateStability(int window, double maxCv) {
        this.last = new double[window];
        this.maxCv = maxCv;
    }

    /** @param rate one sample's rate, e.g. responses per second */
    void add(double rate) {
        last[count++ % last.length] = rate;
    }

    /** @return the coefficient of variation of the last {@code window} samples; infinite until there are that many, or with a zero mean */
    double cv() {
        if (count < last.length) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = 0;
        for (double r : last) {
            mean += r;
        }
        mean /= last.length;
        if (mean <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double ss = 0;
        for (double r : last) {
            ss += (r - mean) * (r - mean);
        }
        return Math.sqrt(ss / (last.length - 1)) / mean;
    }

    /** @return whether the last {@code window} samples vary less than the threshold */
    boolean stable() {
        return cv() < maxCv;
    }
}
