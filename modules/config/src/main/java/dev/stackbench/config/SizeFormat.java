package dev.stackbench.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dialect of sizes in bytes, binary units: printed as {@code 512 B}, {@code 312 KiB},
 * {@code 74.4 MiB}, {@code 1.50 GiB} (three significant digits); parsed from the same forms, with
 * or without the space, units in any case ({@code 512mib}), or a plain number of bytes.
 * Decimal units ({@code MB}) are refused rather than guessed. Stateless, thread-safe.
 */
public final class SizeFormat {
    /** What a size looks like, for messages that reject one. */
    public static final String EXPECTED = "a size such as 512KiB, 64MiB or 2GiB";
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kib|mib|gib|tib)?");

    private SizeFormat() {
    }

    /**
     * @param text e.g. {@code 64MiB}, {@code 74.4 MiB}, {@code 4096}
     * @return bytes, rounded to a whole byte
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: expected a number with a binary unit (B, KiB, MiB, GiB, TiB), e.g. 64MiB");
        }
        int power = 0;
        if (m.group(2) != null) {
            for (int i = 0; i < UNITS.length; i++) {
                if (UNITS[i].toLowerCase(Locale.ROOT).equals(m.group(2))) {
                    power = i;
                }
            }
        }
        return Math.round(Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    /** @return {@code bytes} as {@code 512 B}, {@code 312 KiB}, {@code 74.4 MiB}, {@code 1.50 GiB}, digits in Locale.ROOT */
    public static String format(double bytes) {
        return format(bytes, Locale.ROOT);
    }

    /** @return as {@link #format(double)}, digits in {@code locale} */
    public static String format(double bytes, Locale locale) {
        if (bytes < 1023.5) {
            return String.format(locale, "%.0f B", bytes);
        }
        int power = 1;
        double value = bytes / 1024;
        while (value >= 1023.5 && power < UNITS.length - 1) {
            value /= 1024;
            power++;
        }
        return Significant.of(value, locale) + " " + UNITS[power];
    }
}
