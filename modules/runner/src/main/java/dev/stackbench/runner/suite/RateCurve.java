package dev.stackbench.runner.suite;

import java.util.List;

/**
 * An open-model latency-at-rate curve: rates stepped up as fractions of the best closed-model
 * throughput the contestant reached on the same workload, until p99 or errors break down.
 *
 * @param fractions         rates to try, as fractions of the best closed-model throughput, ascending
 * @param maxErrorFraction  errors / requests above which the curve stops
 * @param p99BreakdownFactor p99 above this multiple of the first step's p99 stops the curve
 */
public record RateCurve(List<Double> fractions, double maxErrorFraction, double p99BreakdownFactor) {
    public static final RateCurve DEFAULT = new RateCurve(List.of(0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25), 0.01, 20);

    public RateCurve {
        fractions = List.copyOf(fractions);
        if (fractions.isEmpty() || fractions.stream().anyMatch(f -> !(f > 0))) {
            throw new IllegalArgumentException("rate curve fractions " + fractions + " must be positive numbers");
        }
    }
}
