package dev.stackbench.report.diff;

import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Spread;
import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.DiffSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sentences the human formats share: the result line, what was compared, verdict words. */
final class DiffTexts {
    private DiffTexts() {
    }

    /** @return e.g. {@code EQUIVALENT: all 45 requests answered alike} or {@code DIFFERENT: 3 of 45 requests (6.7%) differ, in 4 places on 2 endpoints} */
    static String result(DiffReport r) {
        if (r.equivalent()) {
            return "EQUIVALENT: all " + r.requests() + " requests answered alike";
        }
        long endpoints = r.groups().stream().map(g -> g.endpoint()).distinct().count();
        return String.format(Locale.ROOT, "DIFFERENT: %d of %d requests (%s) differ, in %d %s on %d %s", r.differing(), r.requests(),
                percent((double) r.differing() / r.requests()), r.groups().size(), r.groups().size() == 1 ? "place" : "places", endpoints,
                endpoints == 1 ? "endpoint" : "endpoints");
    }

    /** @return what was compared and what was not, one line */
    static String compared(DiffSettings s) {
        List<String> parts = new ArrayList<>();
        parts.add("status");
        parts.add(s.compareHeaders().contains("*") ? "every header" : "headers " + String.join(", ", s.compareHeaders().stream()
                .filter(h -> !s.ignoreHeaders().contains(h)).toList()));
        parts.add("JSON bodies structurally" + (s.ignoreArrayOrder() ? " (array order ignored)" : ""));
        if (s.specErrorBodies()) {
            parts.add("4xx error bodies as docs/api.md fixes them (a JSON object with error or detail; the message is free)");
        }
        parts.add(s.bodyLengthOnly() ? "other bodies by length" : "other bodies byte for byte");
        String ignored = "ignored: headers " + String.join(", ", s.ignoreHeaders()) + ", content-length when the bodies are equal JSON"
                + (s.ignorePaths().isEmpty() ? "" : ", paths " + String.join(", ", s.ignorePaths().stream().map(Object::toString).toList()));
        return "compared: " + String.join(", ", parts) + "; " + ignored;
    }

    /** @return e.g. {@code 1 request}, {@code 41 requests} */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** @return e.g. {@code 6.7%} */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** @return e.g. {@code 1.03× (0.98–1.08, paired, 6 rounds)} or {@code 1.03× (no interval)} */
    static String ratio(Ratio r) {
        if (Double.isNaN(r.estimate())) {
            return "n/a";
        }
        String interval = r.interval().map(i -> String.format(Locale.ROOT, "%.2f–%.2f", i.low(), i.high())).orElse("no interval");
        return String.format(Locale.ROOT, "%.2f× (%d%% CI %s, %s, n=%d)", r.estimate(), Spread.CONFIDENCE_PERCENT, interval,
                r.method() == Ratio.Method.PAIRED_ROUNDS ? "paired by round" : "unpaired", r.n());
    }

    /** @return the verdict word with the reason when there is none, e.g. {@code same (within ±5%)}, {@code unsure (too few values for a p99)} */
    static String verdict(Judgement j, double margin) {
        return switch (j.reason()) {
            case TOO_FEW_TRIALS -> "no verdict (fewer than 3 usable rounds)";
            case TOO_FEW_VALUES -> "no verdict (too few values for a p99)";
            case CENSORED -> "unsure (≥: censored)";
            case WITHIN_MARGIN -> String.format(Locale.ROOT, "same (within ±%.0f%%)", 100 * margin);
            default -> j.verdict().name().toLowerCase(Locale.ROOT);
        };
    }
}
