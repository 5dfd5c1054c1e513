package dev.stackbench.loadgen;

import dev.stackbench.config.DurationFormat;
import java.time.Duration;

/**
 * One stage of an open-model rate schedule: the target rate moves linearly from
 * {@code fromPerSecond} to {@code toPerSecond} over {@code length} (a step when both are equal).
 * Results are reported per stage ({@link StageResult}).
 *
 * @param fromPerSecond target rate at the stage's start, requests/s, finite and &gt; 0
 * @param toPerSecond   target rate at its end, requests/s, finite and &gt; 0
 * @param length        how long the stage lasts, &gt; 0
 */
public record RateStage(double fromPerSecond, double toPerSecond, Duration length) {
    public RateStage {
        for (double r : new double[] {fromPerSecond, toPerSecond}) {
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("stage rate must be a positive number of requests per second, got " + r);
            }
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("stage length (" + DurationFormat.format(length) + ") must be > 0");
        }
    }

    /** A step: a constant rate for {@code length}. */
    public static RateStage step(double perSecond, Duration length) {
        return new RateStage(perSecond, perSecond, length);
    }

    /** @return the stage's mean target rate, requests/s */
    public double meanPerSecond() {
        return (fromPerSecond + toPerSecond) / 2;
    }

    /** @return the target rate {@code seconds} into the stage (clamped to the stage) */
    public double rateAt(double seconds) {
        double f = Math.max(0, Math.min(1, seconds / (length.toNanos() / 1e9)));
        return fromPerSecond + (toPerSecond - fromPerSecond) * f;
    }
}
