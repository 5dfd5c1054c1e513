package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Quotes the defaults of duration options in the form the options accept ({@code 10s}, never
 * {@code PT10S}). The default stays the field's initial value: picocli reads the quoted text back
 * through {@link DurationConverter}, which gives the same duration (checked, else nothing is quoted).
 */
final class HelpDefaults implements CommandLine.IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg.type() == Duration.class && arg.defaultValue() == null && arg.initialValue() instanceof Duration d) {
            String text = DurationFormat.format(d);
            return DurationFormat.parse(text).equals(d) ? text : null;
        }
        return null;
    }
}
