package dev.stackbench.analysis;

/**
 * A two-sided confidence interval, in the unit of the figure it belongs to (req/s, µs, or a
 * dimensionless ratio). Its confidence level is {@link Spread#CONFIDENCE} throughout.
 *
 * @param low lower bound
 * @param high upper bound, >= low
 */
public record Interval(double low, double high) {

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("need low <= high, was " + low + ", " + high);
        }
    }

    /** @return whether {@code value} lies within [low, high] */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** @return whether the whole interval lies within [from, to] */
    public boolean within(double from, double to) {
        return from <= low && high <= to;
    }
}
