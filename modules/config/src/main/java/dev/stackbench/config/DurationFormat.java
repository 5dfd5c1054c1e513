package dev.stackbench.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dialect of durations: what it prints it also parses, as wrk's {@code units.c} does.
 * Written as {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}, or a plain number of
 * seconds ({@code 10}); printed in the shortest exact form ({@code 10s}, {@code 250ms},
 * {@code 1.5s}, {@code 2m}). Latencies in microseconds print with three significant digits and a
 * space before the unit ({@code 412 µs}, {@code 4.06 ms}, {@code 1.20 s}). Stateless, thread-safe.
 */
public final class DurationFormat {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private DurationFormat() {
    }

    /**
     * @param text a duration as people write it, e.g. {@code 10s}, {@code 500ms}, {@code 1.5m}
     * @return the duration, rounded to the nanosecond
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected a number with a unit (ms, s, m, h), e.g. 10s or 500ms");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** @return {@code d} in the form {@link #parse} reads back: {@code 10s}, {@code 1.5s}, {@code 250ms}, {@code 2m} */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.3f", millis / 1000.0).replaceAll("0+$", "") + "s";
    }

    /** @return a latency in microseconds with three significant digits: {@code 412 µs}, {@code 4.06 ms}, {@code 172 ms}, {@code 1.20 s} */
    public static String micros(double micros) {
        return micros(micros, Locale.ROOT);
    }

    /** @return as {@link #micros(double)}, digits in {@code locale} */
    public static String micros(double micros, Locale locale) {
        if (micros < 1000) {
            return String.format(locale, "%.0f µs", micros);
        }
        if (micros < 1_000_000) {
            return significant(micros / 1000, locale) + " ms";
        }
        return significant(micros / 1_000_000, locale) + " s";
    }

    private static String significant(double value, Locale locale) {
        int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        return String.format(locale, "%." + decimals + "f", value);
    }
}
