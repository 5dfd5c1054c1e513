package dev.stackbench.config;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dialect of request rates: printed as {@code 14,041 req/s} (whole numbers from 100 up,
 * grouped) or {@code 87.5 req/s} (one decimal below 100), other rates the same way with their own
 * unit ({@code 1,250 msg/s}); parsed from the same forms and the short
 * ones people type: {@code 2000}, {@code 2000/s}, {@code 2.5k}, {@code 1.2M/s}, {@code 14,041 req/s}.
 * Stateless, thread-safe.
 */
public final class RateFormat {
    /** What a rate looks like, for messages that reject one. */
    public static final String EXPECTED = "requests per second such as 2000, 2.5k or 500/s";
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([km])?\\s*(?:(?:req)?/s)?");

    private RateFormat() {
    }

    /**
     * @param text e.g. {@code 2000}, {@code 2.5k}, {@code 14,041 req/s}
     * @return requests per second, &gt;= 0
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static double parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT).replace(",", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate: expected " + EXPECTED);
        }
        double factor = m.group(2) == null ? 1 : m.group(2).equals("k") ? 1e3 : 1e6;
        return Double.parseDouble(m.group(1)) * factor;
    }

    /** @return {@code 14,041 req/s} or {@code 87.5 req/s}, digits in Locale.ROOT */
    public static String format(double perSecond) {
        return number(perSecond, Locale.ROOT) + " req/s";
    }

    /**
     * @param perSecond how many per second
     * @param unit      what is counted, e.g. {@code msg/s}, {@code deliveries/s}
     * @return the number as {@link #format(double)} prints it, then the unit: {@code 1,250 msg/s}, {@code 87.5 msg/s}
     */
    public static String format(double perSecond, String unit) {
        return number(perSecond, Locale.ROOT) + " " + unit;
    }

    /** @return the number alone, as {@link #format(double)} prints it: {@code 14,041}, {@code 87.5}; digits in {@code locale} */
    public static String number(double perSecond, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        int decimals = perSecond >= 99.95 ? 0 : 1;
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setGroupingUsed(true);
        return f.format(perSecond);
    }
}
