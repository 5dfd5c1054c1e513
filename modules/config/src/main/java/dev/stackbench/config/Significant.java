package dev.stackbench.config;

import java.util.Locale;

/** Three significant digits, the precision every human number of Stackbench shows. */
final class Significant {
    private Significant() {
    }

    /** @return {@code value} with three significant digits (at least its integer part): {@code 4.06}, {@code 74.4}, {@code 172} */
    static String of(double value, Locale locale) {
        // rounding first decides the digits: 9.996 is "10.0", not "10.00"
        int decimals = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
        return String.format(locale, "%." + decimals + "f", value);
    }
}
