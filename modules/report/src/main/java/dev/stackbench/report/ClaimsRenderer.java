package dev.stackbench.report;

import dev.stackbench.analysis.claims.ClaimVerdict;
import dev.stackbench.analysis.claims.ClaimsReport;

/** The Claims section as terminal text, Markdown and one self-contained HTML page. */
final class ClaimsRenderer {
    private final ClaimsTables t;

    ClaimsRenderer(HumanFormat format) {
        this.t = new ClaimsTables(format);
    }

    /** One block per claim: the quote with its id, then verdict, hypothesis, evidence, caveats, sides. */
    String text(ClaimsReport r) {
        StringBuilder out = new StringBuilder();
        out.append(t.title(r)).append('\n').append(t.summary(r)).append('\n').append("Caveats of every verdict:\n");
        r.caveats().forEach(c -> out.append("  ").append(c).append('\n'));
        out.append("\n== Claims ==\n");
        for (ClaimVerdict v : r.verdicts()) {
            out.append('\n').append(ClaimsTables.shortQuote(v.claim())).append('\n');
            out.append("  verdict: ").append(ClaimsTables.verdict(v)).append('\n');
            String hyp = ClaimsTables.hypothesis(v.claim());
            if (!hyp.isEmpty()) {
                out.append("  tested: ").append(hyp).append('\n');
            }
            v.evidence().forEach(e -> out.append("  evidence: ").append(t.evidence(e)).append('\n'));
            v.caveats().forEach(c -> out.append("  caveat: ").append(c).append('\n'));
            v.sides().forEach(s -> out.append("  ").append(s).append('\n'));
        }
        return out.toString();
    }

    String markdown(ClaimsReport r) {
        StringBuilder out = new StringBuilder("# ").append(t.title(r)).append("\n\n").append(t.summary(r)).append("\n\n");
        out.append("Caveats of every verdict:\n\n");
        r.caveats().forEach(c -> out.append("- ").append(c).append('\n'));
        out.append("\n## Claims\n\n").append(t.table(r).toMarkdown());
        return out.toString();
    }

    String html(ClaimsReport r) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(t.languageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(Html.escape(t.title(r))).append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}\n")
                .append(".scroll{overflow-x:auto}\n</style>\n</head>\n<body>\n<h1>").append(Html.escape(t.title(r)))
                .append("</h1>\n<p>").append(Html.escape(t.summary(r))).append("</p>\n<p>Caveats of every verdict:</p>\n<ul>\n");
        r.caveats().forEach(c -> out.append("<li>").append(Html.escape(c)).append("</li>\n"));
        out.append("</ul>\n<h2>Claims</h2>\n").append(t.table(r).toHtml("claims")).append("</body>\n</html>\n");
        return out.toString();
    }
}
