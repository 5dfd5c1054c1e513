package dev.stackbench.loadgen;

import dev.stackbench.config.DurationFormat;
import java.time.Duration;

/**
 * How long the load runs before the measured interval starts. Nothing of the warm-up is recorded.
 *
 * <ul>
 *   <li>{@link Fixed}: a set length.</li>
 *   <li>{@link UntilStable}: until the completion rate, sampled every {@code sample}, has a
 *       coefficient of variation (standard deviation / mean) below {@code maxCv} over the last
 *       {@code samples} samples, and at least {@code min} has passed; at most {@code cap}.</li>
 * </ul>
 * The warm-up actually used is in {@link LoadResult#warmupSeconds()} and {@link LoadResult#warmupEnd()}.
 */
public sealed interface Warmup permits Warmup.Fixed, Warmup.UntilStable {

    /** @return the longest this warm-up can take */
    Duration longest();

    /**
     * A warm-up of fixed length.
     *
     * @param length &gt;= 0; zero for none
     */
    record Fixed(Duration length) implements Warmup {
        public Fixed {
            if (length.isNegative()) {
                throw new IllegalArgumentException("warmup (" + DurationFormat.format(length) + ") must be >= 0");
            }
        }

        @Override
        public Duration longest() {
            return length;
        }

        /** @return the length as it is written: {@code 5s} */
        @Override
        public String toString() {
            return DurationFormat.format(length);
        }
    }

    /**
     * A warm-up that ends once the rate is stable.
     *
     * @param min     shortest warm-up, &gt;= 0
     * @param cap     longest warm-up, &gt;= min and &gt; 0; reached, the measured interval starts anyway
     * @param sample  length of one rate sample, &gt; 0 (e.g. 250 ms)
     * @param samples how many of the last samples the coefficient of variation covers, &gt;= 2
     * @param maxCv   the coefficient of variation below which the rate counts as stable, &gt;= 0
     */
    record UntilStable(Duration min, Duration cap, Duration sample, int samples, double maxCv) implements Warmup {
        public UntilStable {
            if (min.isNegative() || cap.isZero() || cap.compareTo(min) < 0) {
                throw new IllegalArgumentException("warm-up cap (" + DurationFormat.format(cap) + ") must be > 0 and >= its minimum (" + DurationFormat.format(min) + ")");
            }
            if (sample.isNegative() || sample.isZero()) {
                throw new IllegalArgumentException("warm-up sample (" + DurationFormat.format(sample) + ") must be > 0");
            }
            if (samples < 2) {
                throw new IllegalArgumentException("warm-up samples (" + samples + ") must be >= 2");
            }
            if (!(maxCv >= 0) || Double.isInfinite(maxCv)) {
                throw new IllegalArgumentException("warm-up coefficient of variation (" + maxCv + ") must be >= 0");
            }
        }

        /** @return the defaults of {@link Defaults}: stable over 2 s of 250 ms samples within 5%, 1 s..30 s */
        public static UntilStable defaults() {
            return new UntilStable(Defaults.STABLE_WARMUP_MIN, Defaults.STABLE_WARMUP_CAP, Defaults.STABLE_WARMUP_SAMPLE,
                    Defaults.STABLE_WARMUP_SAMPLES, Defaults.STABLE_WARMUP_CV);
        }

        @Override
        public Duration longest() {
            return cap;
        }

        /** @return e.g. {@code until stable (CV < 5% over 8 x 250ms, 1s..30s)} */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "until stable (CV < %.0f%% over %d x %s, %s..%s)", maxCv * 100, samples,
                    DurationFormat.format(sample), DurationFormat.format(min), DurationFormat.format(cap));
        }
    }

    /** How a warm-up ended. */
    enum End {
        /** a fixed warm-up ran its length (also: no warm-up) */
        FIXED,
        /** the rate was stable */
        STABLE,
        /** the rate never became stable before the cap */
        CAPPED
    }
}
