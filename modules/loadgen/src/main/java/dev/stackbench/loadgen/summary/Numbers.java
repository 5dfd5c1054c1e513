package dev.stackbench.loadgen.summary;

import java.util.Locale;

/** Counts and percentages as a summary prints them, in Locale.ROOT; durations, sizes and rates are the config module's. */
final class Numbers {
    private Numbers() {
    }

    /** @return a count grouped in thousands: {@code 14,041} */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return a fraction as a percentage with {@code decimals} decimals: 0.025 -&gt; {@code 2.50%} */
    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * fraction);
    }

    /** @return {@code 1 thread}, {@code 2 threads} */
    static String plural(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
