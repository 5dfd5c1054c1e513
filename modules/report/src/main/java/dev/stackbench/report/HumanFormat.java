package dev.stackbench.report;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.SizeFormat;

import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Spread;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as people read them, in one locale. Latencies pick their unit (µs, ms, s) to show
 * three significant digits; sizes are binary (KiB, MiB, GiB), as the config module prints them.
 */
final class HumanFormat {
    private final Locale locale;

    HumanFormat(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    /** @return {@code 14,041} (en) or {@code 14.041} (de) */
    String integer(double value) {
        return number(value, 0);
    }

    /** @return a rate in req/s: whole numbers from 100 up, one decimal below (the config module's one dialect) */
    String rate(double perSecond) {
        return RateFormat.number(perSecond, locale);
    }

    /**
     * @return a median's interval as {@code 13,870–14,150} (rates), or {@code —} with one trial
     */
    String rateInterval(Spread spread) {
        return spread.interval().map(i -> rate(i.low()) + "–" + rate(i.high())).orElse(noInterval(spread.n()));
    }

    /** @return a latency median's interval, e.g. {@code 6.12–7.03 ms} as {@code 6.12 ms–7.03 ms} */
    String latencyInterval(Spread spread) {
        return spread.interval().map(i -> latency(i.low()) + "–" + latency(i.high())).orElse(noInterval(spread.n()));
    }

    /** @return {@code 0.41× (0.39–0.43)}, {@code 1.00×} for the reference, {@code 0.41× (no interval)} */
    String ratio(Ratio r) {
        if (r.method() == Ratio.Method.IDENTITY) {
            return ratio(1.0);
        }
        if (Double.isNaN(r.estimate())) {
            return "—";
        }
        return ratio(r.estimate()) + r.interval().map(i -> " (" + ratioNumber(i.low()) + "–" + ratioNumber(i.high())
                + ")").orElse(" (no interval)");
    }

    /** @return what stands for an interval that one trial cannot give */
    String noInterval(int n) {
        return n < 2 ? "— (" + n + " trial)" : "—";
    }

    /**
     * @return a percentile as people may read it: {@code 6.85 ms}; {@code ≥ 5.00 s} when it falls
     *     on censored values; {@code n/a (n=5,000)} when too few values back it
     */
    String percentile(PercentileFigure p) {
        if (!p.supported()) {
            return "n/a (n=" + integer(p.minCount()) + ")";
        }
        return (p.lowerBound() ? "≥ " : "") + latency(p.value().median());
    }

    /** @return a fraction as a percentage, e.g. 0.0132 -> {@code 1.3%} */
    String percent(double fraction, int decimals) {
        return number(fraction * 100, decimals) + "%";
    }

    /** @return a signed percentage, e.g. -0.026 -> {@code -2.6%}, 0.1 -> {@code +10.0%} */
    String signedPercent(double fraction) {
        return (fraction > 0 ? "+" : fraction < 0 ? "-" : "") + percent(Math.abs(fraction), 1);
    }

    /** @return {@code 0.41×} */
    String ratio(double ratio) {
        return ratioNumber(ratio) + "×";
    }

    private String ratioNumber(double ratio) {
        return number(ratio, ratio >= 100 ? 0 : 2);
    }

    /** @return {@code 245 µs}, {@code 6.85 ms}, {@code 172 ms}, {@code 1.07 s}: the config module's one dialect, as progress lines print it */
    String latency(double micros) {
        return DurationFormat.micros(micros, locale);
    }

    /** @return {@code 412 ms} or {@code 2.13 s} */
    String millis(double millis) {
        return latency(millis * 1000);
    }

    /** @return a size in the config module's one dialect: {@code 74.4 MiB}, {@code 312 KiB}, {@code 1.50 GiB} */
    String size(double bytes) {
        return SizeFormat.format(bytes, locale);
    }

    /** @return CPU use in cores, two decimals: {@code 0.97} */
    String cores(double cores) {
        return number(cores, 2);
    }

    String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setGroupingUsed(true);
        return f.format(value);
    }
}
