package dev.stackbench.loadgen;

/**
 * Decides when a warm-up's rate is stable: the coefficient of variation (sample standard deviation
 * / mean) of the last {@code window} rate samples is below a threshold. When the samples are
 * counts of responses ({@link #addCount}), the threshold is at least twice the counting noise of
 * that many responses ({@code 2 / sqrt(mean count)}, Poisson): a server answering 12 responses per
 * sample cannot look steadier than about 58%, however warm it is, and must not hold the warm-up
 * until its cap. Not thread-safe.
 *
 * <pre>{@code
 * RateStability s = new RateStability(8, 0.05);
 * s.add(1020); ... if (s.stable()) { ... }
 * }</pre>
 */
final class RateStability {
    private final double[] last;
    private final double[] counts;
    private final double maxCv;
    private int count;

    /**
     * @param window samples the coefficient of variation covers, &gt;= 2
     * @param maxCv  the coefficient of variation below which the rate counts as stable
     */
    RateStability(int window, double maxCv) {
        this.last = new double[window];
        this.counts = new double[window];
        this.maxCv = maxCv;
    }

    /** @param rate one sample's rate, e.g. responses per second (no counting-noise allowance) */
    void add(double rate) {
        counts[count % last.length] = Double.POSITIVE_INFINITY;
        last[count++ % last.length] = rate;
    }

    /**
     * @param responses responses counted in the sample, &gt;= 0
     * @param seconds   the sample's length, &gt; 0
     */
    void addCount(long responses, double seconds) {
        counts[count % last.length] = responses;
        last[count++ % last.length] = responses / seconds;
    }

    /** @return the threshold now: {@code maxCv}, or twice the counting noise of the samples' mean count when larger */
    double threshold() {
        double mean = 0;
        for (double c : counts) {
            mean += c;
        }
        mean /= counts.length;
        return Double.isInfinite(mean) || mean <= 0 ? maxCv : Math.max(maxCv, 2 / Math.sqrt(mean));
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

    /** @return whether the last {@code window} samples vary less than the {@link #threshold()} */
    boolean stable() {
        return cv() < threshold();
    }
}
