package dev.stackbench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations as people write them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a
 * plain number of seconds ({@code 10}, {@code 1.5}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: expected a number with a unit (ms, s, m, h), e.g. 10s or 500ms");
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

    /** @return a duration as this converter reads it back, e.g. {@code 10s}, {@code 1.5s}, {@code 250ms} */
    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.3fs", millis / 1000.0).replaceAll("0+s$", "s");
    }
}
