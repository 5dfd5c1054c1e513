package dev.stackbench.analysis;

import java.util.Collection;

/**
 * The median of a metric across the trials of a cell, and its range.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min the smallest trial value
 * @param max the largest trial value
 */
public record Spread(double median, double min, double max) {

    public Spread {
        if (!(min <= median && median <= max)) {
            throw new IllegalArgumentException("need min <= median <= max, was " + min + ", " + median + ", " + max);
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
        return new Spread(median, sorted[0], sorted[n - 1]);
    }

    /** @return (max - min) / median; 0 for a zero median */
    public double relative() {
        return median == 0 ? 0 : (max - min) / median;
    }

    /** @return whether the ranges [min, max] of the two share a point */
    public boolean overlaps(Spread other) {
        return min <= other.max && other.min <= max;
    }

    /** @return half the range: the "±" of the median */
    public double halfWidth() {
        return (max - min) / 2;
    }
}
