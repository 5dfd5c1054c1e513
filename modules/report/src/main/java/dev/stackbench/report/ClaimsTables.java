package dev.stackbench.report;

import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Spread;
import dev.stackbench.analysis.claims.Claim;
import dev.stackbench.analysis.claims.ClaimVerdict;
import dev.stackbench.analysis.claims.ClaimsReport;
import dev.stackbench.analysis.claims.Evidence;
import dev.stackbench.analysis.claims.Outcome;
import dev.stackbench.analysis.claims.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Claims section's lines and table for the human formats, in one locale. */
final class ClaimsTables {
    /** Quotes are shortened to about this many characters, at a word boundary. */
    static final int QUOTE_CHARS = 72;
    private final HumanFormat f;

    ClaimsTables(HumanFormat f) {
        this.f = f;
    }

    String languageTag() {
        return f.locale().equals(java.util.Locale.ROOT) ? "en" : f.locale().toLanguageTag();
    }

    String title(ClaimsReport r) {
        return "Stackbench claims: suite " + r.analysis().run().suite() + ", " + r.analysis().run().status().name()
                .toLowerCase(java.util.Locale.ROOT) + ", started " + r.analysis().run().started();
    }

    /** @return e.g. {@code 365 claims from 4 articles: holds 3, fails 2, depends 1, ...} */
    String summary(ClaimsReport r) {
        Map<Outcome, Long> c = r.counts();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Outcome, Long> e : c.entrySet()) {
            parts.add(e.getKey().words() + " " + f.integer(e.getValue()));
        }
        return f.integer(r.verdicts().size()) + " claims from " + r.catalog().seeds().size() + " articles: "
                + String.join(", ", parts) + ".";
    }

    /** @return the quote shortened at a word boundary, with its id: {@code [002-047-cpu] "CPU-bound workloads: …"} */
    static String shortQuote(Claim c) {
        String q = c.quote();
        if (q.length() > QUOTE_CHARS) {
            int cut = q.lastIndexOf(' ', QUOTE_CHARS);
            q = q.substring(0, cut > 20 ? cut : QUOTE_CHARS) + "…";
        }
        return "[" + c.id() + "] \"" + q + "\" (" + c.seed().substring(0, 3) + ")";
    }

    /** @return the verdict word and its reason */
    static String verdict(ClaimVerdict v) {
        return v.outcome().words() + ": " + v.reason();
    }

    /** @return what the claim was read as, for measurable claims: cells, quantity and rule */
    static String hypothesis(Claim c) {
        if (c instanceof Claim.Measurable m) {
            String cells = m.workload().equals("none") ? "every contestant" : m.workload()
                    + (m.level() == null ? " at every level" : " " + m.level());
            return m.a() + " vs " + m.b() + ", " + cells + ", " + m.quantity().label() + ": " + m.rule().describe()
                    + (m.note().isEmpty() ? "" : " (" + m.note() + ")");
        }
        return "";
    }

    /** @return one pair's figures: cells, both medians with intervals, the advantage with its interval and pairing */
    String evidence(Evidence e) {
        return e.cells() + ": " + e.quantity().label() + " " + value(e.quantity(), e.aValue()) + " vs "
                + value(e.quantity(), e.bValue()) + "; advantage " + advantage(e.advantage()) + " → "
                + e.outcome().words() + e.why().map(w -> " (" + w + ")").orElse("");
    }

    private String advantage(Ratio r) {
        String pairing = switch (r.method()) {
            case PAIRED_ROUNDS -> ", paired over " + r.n() + " rounds";
            case UNPAIRED -> r.interval().isPresent() ? ", unpaired" : "";
            case IDENTITY -> "";
        };
        return f.ratio(r) + pairing;
    }

    private String value(Quantity q, Spread s) {
        String median = one(q, s.median());
        if (s.n() < 2) {
            return median;
        }
        return median + s.interval().map(i -> " (" + one(q, i.low()) + "–" + one(q, i.high()) + ")").orElse("");
    }

    private String one(Quantity q, double v) {
        return switch (q) {
            case THROUGHPUT -> f.rate(v);
            case P99, DELIVERY_P99 -> f.latency(v);
            case P99_INFLATION -> f.ratio(v);
            case CPU_PER_REQUEST -> f.latency(v * 1e6) + " CPU";
            case MEMORY, IDLE_RSS -> f.size(v);
            case STARTUP_TIME -> f.millis(v);
            default -> f.number(v, 2);
        };
    }

    /** @return one row per claim: claim, verdict, evidence, caveats (Markdown and HTML) */
    Table table(ClaimsReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimVerdict v : r.verdicts()) {
            List<String> evidence = new ArrayList<>();
            String hyp = hypothesis(v.claim());
            if (!hyp.isEmpty()) {
                evidence.add(hyp);
            }
            v.evidence().forEach(e -> evidence.add(evidence(e)));
            List<String> caveats = new ArrayList<>(v.caveats());
            caveats.addAll(v.sides());
            rows.add(List.of(shortQuote(v.claim()), verdict(v), String.join("; ", evidence), String.join("; ", caveats)));
        }
        return new Table(List.of(Table.left("claim"), Table.left("verdict"), Table.left("evidence"),
                Table.left("caveats")), rows);
    }
}
