package dev.stackbench.analysis.claims;

import java.util.Locale;

/** The few fixed-locale number texts of verdict lines (renderers format the evidence themselves). */
final class ClaimsText {
    private ClaimsText() {
    }

    /** @return {@code 1.05×}, always with a dot: verdict lines are data, not locale-formatted */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
