package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import java.time.Duration;
import picocli.CommandLine;

/** picocli's face of {@link DurationFormat}: {@code 500ms}, {@code 10s}, {@code 2m}, or plain seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** @return a duration as this converter reads it back, e.g. {@code 10s}, {@code 1.5s}, {@code 250ms} */
    static String format(Duration d) {
        return DurationFormat.format(d);
    }
}
