package dev.stackbench.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dialect of durations: what it prints it also parses, as wrk's {@code units.c} does.
 * Written as {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}, compounds such as
 * {@code 4m5s} or {@code 1h30m}, or a plain number of seconds ({@code 10}); printed by
 * {@link #format} in the shortest exact form ({@code 10s}, {@code 250ms}, {@code 1.5s}, {@code 2m},
 * {@code 4m5s}). Measured times (latencies in microseconds, elapsed times in seconds) print with
 * three significant digits and a space before the unit ({@code 412 µs}, {@code 4.06 ms},
 * {@code 1.20 s}). Stateless, thread-safe.
 */
public final class DurationFormat {
    /** What a duration looks like, for messages that reject one. */
    public static final String EXPECTED = "a duration such as 500ms, 10s or 2m";
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern COMPOUND = Pattern.compile("(?:\\d+(?:\\.\\d+)?\\s*(?:ms|s|m|h)\\s*)+");

    private DurationFormat() {
    }

    /**
     * @param text a duration as people write it, e.g. {@code 10s}, {@code 500ms}, {@code 1.5m}, {@code 4m5s}, {@code 10}
     * @return the duration, rounded to the nanosecond
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (PLAIN.matcher(t).matches()) {
            return Duration.ofNanos(Math.round(Double.parseDouble(t) * 1e9));
        }
        if (!COMPOUND.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected a number with a unit (ms, s, m, h), e.g. 10s or 500ms");
        }
        double millis = 0;
        for (Matcher m = PART.matcher(t); m.find(); ) {
            double amount = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /**
     * @return {@code d} (to the millisecond) in the form {@link #parse} reads back: {@code 10s},
     *     {@code 1.5s}, {@code 250ms}, {@code 2m}, {@code 4m5s}, {@code 1h30m}, {@code 0s}
     */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis == 0 ? "0s" : millis + "ms";
        }
        if (millis < 60_000 || millis % 1000 != 0) {
            return millis % 1000 == 0 ? millis / 1000 + "s"
                    : String.format(Locale.ROOT, "%.3f", millis / 1000.0).replaceAll("0+$", "") + "s";
        }
        long seconds = millis / 1000;
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            out.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }

    /**
     * @param seconds a measured time, e.g. a window or CPU time, seconds
     * @return it as {@link #micros(double)} prints it: {@code 10.0 s}, {@code 2.13 s}, {@code 500 ms}
     */
    public static String seconds(double seconds) {
        return micros(seconds * 1e6);
    }

    /**
     * @return a latency in microseconds with three significant digits: {@code 412 µs}, {@code 4.06 ms},
     *     {@code 172 ms}, {@code 1.20 s}; whole microseconds from 10 µs up ({@code 95 µs}), so an
     *     average below that keeps its digits ({@code 1.49 µs} of CPU per message); zero is {@code 0 µs}
     */
    public static String micros(double micros) {
        return micros(micros, Locale.ROOT);
    }

    /** @return as {@link #micros(double)}, digits in {@code locale} */
    public static String micros(double micros, Locale locale) {
        if (micros < 9.995 && micros != 0) {
            return Significant.of(micros, locale) + " µs";
        }
        if (micros < 999.5) {
            return String.format(locale, "%.0f µs", micros);
        }
        if (micros < 999_500) {
            return Significant.of(micros / 1000, locale) + " ms";
        }
        return Significant.of(micros / 1_000_000, locale) + " s";
    }
}
