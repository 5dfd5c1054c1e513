package dev.stackbench.report.diff;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.diff.DiffGroup;
import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.Endpoint;
import dev.stackbench.analysis.diff.LearnedNoise;
import dev.stackbench.analysis.diff.LoadRound;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal format of a diff: header, result line, differences by endpoint with examples side by side, noise, load. */
public final class DiffTextRenderer {

    public void render(DiffView v, PrintWriter out) {
        DiffReport r = v.report();
        out.println("stackbench diff");
        out.println("  old:  " + v.old());
        v.old2().ifPresent(o -> out.println("  old2: " + o + " (differences between old and old2 are learned as noise)"));
        out.println("  new:  " + v.neu());
        out.println("  requests: " + r.requests() + " from " + v.requestSource() + ", on " + DiffTexts.count(r.endpoints().size(), "endpoint"));
        out.println("  " + DiffTexts.compared(r.settings()));
        out.println();
        out.println(DiffTexts.result(r));
        if (!r.groups().isEmpty()) {
            out.println();
            out.println("Differences by endpoint (new compared with old):");
            Endpoint current = null;
            for (DiffGroup g : r.groups().stream().sorted(java.util.Comparator.comparing(DiffGroup::endpoint)).toList()) {
                if (!g.endpoint().equals(current)) {
                    current = g.endpoint();
                    out.println();
                    out.println("  " + current + "  (" + DiffTexts.count(r.endpoints().get(current), "request") + ")");
                }
                out.printf(Locale.ROOT, "    %s at %s: %d of %d requests (%s)%n", g.kind().label(), g.location(), g.affected(),
                        g.endpointRequests(), DiffTexts.percent(g.share()));
                int width = g.examples().stream().mapToInt(e -> e.target().length() + e.location().length()).max().orElse(0) + 3;
                for (DiffGroup.Example e : g.examples()) {
                    String where = e.target() + (e.location().equals(g.location()) && !e.location().startsWith("$") ? "" : "  " + e.location());
                    out.printf(Locale.ROOT, "      %-" + width + "s old: %s%n", where, e.old());
                    out.printf(Locale.ROOT, "      %-" + width + "s new: %s%n", "", e.neu());
                }
            }
        }
        if (r.learnedNoise()) {
            out.println();
            if (r.noise().isEmpty()) {
                out.println("Noise learned from old vs old2: none (the two old copies answered alike).");
            } else {
                out.println("Noise learned from old vs old2 (left out of the comparison):");
                for (LearnedNoise n : r.noise()) {
                    out.printf(Locale.ROOT, "  %s at %s: old and old2 differed in %d of %d requests (e.g. %s); %d difference(s) of new left out%n",
                            n.endpoint(), n.location(), n.oldPairs(), r.endpoints().get(n.endpoint()), n.example(), n.newSuppressed());
                }
            }
        }
        v.load().ifPresent(load -> load(load, out));
        out.flush();
    }

    private static void load(DiffView.Load load, PrintWriter out) {
        double margin = AnalysisSettings.DEFAULTS.sameWithin();
        out.println();
        out.println("Load (--load): " + load.description());
        out.println("  " + load.mix());
        TextTable rounds = new TextTable(TextTable.right("round"), TextTable.left("order"), TextTable.right("old req/s"),
                TextTable.right("old p99"), TextTable.right("old err"), TextTable.right("new req/s"), TextTable.right("new p99"),
                TextTable.right("new err")).withIndent(2);
        for (int i = 0; i < load.old().size(); i++) {
            LoadRound a = load.old().get(i);
            LoadRound b = load.neu().get(i);
            rounds.row(Integer.toString(a.round()), String.join(",", load.orders().get(i)), RateFormat.number(a.throughputPerSecond(), Locale.ROOT),
                    p99(a), DiffTexts.percent(a.errorRate()), RateFormat.number(b.throughputPerSecond(), Locale.ROOT), p99(b),
                    DiffTexts.percent(b.errorRate()));
        }
        out.print(rounds.render());
        out.println("  new/old req/s: " + DiffTexts.ratio(load.comparison().throughput().ratio()) + ": "
                + DiffTexts.verdict(load.comparison().throughput(), margin));
        out.println("  new/old p99:   " + DiffTexts.ratio(load.comparison().p99().ratio()) + ": "
                + DiffTexts.verdict(load.comparison().p99(), margin));
        out.println("  (faster/slower: the interval excludes 1; same: it lies within ±" + Math.round(100 * margin)
                + "%; unsure: neither; rounds with more than " + Math.round(100 * AnalysisSettings.DEFAULTS.maxErrorRate())
                + "% errors on either side left out)");
    }

    /** @return the round's p99, {@code ≥ }-marked when censored values make it a lower bound, as the reports mark it */
    private static String p99(LoadRound r) {
        return (r.p99LowerBound() ? "≥ " : "") + DurationFormat.micros(r.p99Micros());
    }
}
