package dev.stackbench.runner.suite;

/**
 * An open-model rate ladder's rules (a profile's run, docs/advise.md): each contestant climbs a
 * workload's rate levels in order, and stops at the first level that cannot meet the target, since
 * higher rates cannot either; trials last long enough for a p99.
 *
 * @param stopAboveP99Micros a level whose trial's p99 (success latency with censored values) is above
 *     this ends the contestant's ladder on that workload, µs
 * @param errorBudget a level whose trial's error rate is above this ends it too, 0..1
 * @param valuesPerTrial an open-model trial lasts at least this many intended requests (rate x
 *     duration), so that its p99 can be printed; the suite's duration is the minimum
 */
public record Ladder(long stopAboveP99Micros, double errorBudget, int valuesPerTrial) {
    public Ladder {
        if (stopAboveP99Micros <= 0 || !(errorBudget >= 0 && errorBudget <= 1) || valuesPerTrial < 0) {
            throw new IllegalArgumentException("a ladder needs a p99 bound > 0, an error budget within 0..1 and values >= 0");
        }
    }

    /** @return seconds a trial at {@code ratePerSecond} lasts: enough for {@code valuesPerTrial}, at least {@code minimum} */
    public double trialSeconds(double ratePerSecond, double minimum) {
        return Math.max(minimum, Math.ceil(valuesPerTrial / ratePerSecond));
    }
}
