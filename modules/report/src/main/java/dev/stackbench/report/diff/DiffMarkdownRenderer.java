package dev.stackbench.report.diff;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.diff.DiffGroup;
import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.LearnedNoise;
import dev.stackbench.analysis.diff.LoadRound;
import java.io.PrintWriter;
import java.util.Locale;

/** The Markdown format of a diff: the same content as the text format, as tables. */
public final class DiffMarkdownRenderer {

    public void render(DiffView v, PrintWriter out) {
        DiffReport r = v.report();
        out.println("# stackbench diff");
        out.println();
        out.println("- old: `" + v.old() + "`");
        v.old2().ifPresent(o -> out.println("- old2: `" + o + "` (differences between old and old2 are learned as noise)"));
        out.println("- new: `" + v.neu() + "`");
        out.println("- requests: " + r.requests() + " from " + v.requestSource() + ", on " + DiffTexts.count(r.endpoints().size(), "endpoint"));
        out.println("- " + DiffTexts.compared(r.settings()));
        out.println();
        out.println("**" + DiffTexts.result(r) + "**");
        if (!r.groups().isEmpty()) {
            out.println();
            out.println("| endpoint | what | where | requests affected | example | old | new |");
            out.println("|---|---|---|---:|---|---|---|");
            for (DiffGroup g : r.groups()) {
                DiffGroup.Example e = g.examples().get(0);
                out.printf(Locale.ROOT, "| `%s` | %s | `%s` | %d of %d (%s) | `%s` | %s | %s |%n", g.endpoint(), g.kind().label(),
                        cell(g.location()), g.affected(), g.endpointRequests(), DiffTexts.percent(g.share()), cell(e.target()),
                        code(e.old()), code(e.neu()));
            }
        }
        if (r.learnedNoise()) {
            out.println();
            out.println(r.noise().isEmpty() ? "Noise learned from old vs old2: none." : "Noise learned from old vs old2 (left out):");
            if (!r.noise().isEmpty()) {
                out.println();
                out.println("| endpoint | where | old vs old2 differed | new left out | example |");
                out.println("|---|---|---:|---:|---|");
                for (LearnedNoise n : r.noise()) {
                    out.printf(Locale.ROOT, "| `%s` | `%s` | %d of %d | %d | %s |%n", n.endpoint(), cell(n.location()), n.oldPairs(),
                            r.endpoints().get(n.endpoint()), n.newSuppressed(), code(n.example()));
                }
            }
        }
        v.load().ifPresent(l -> {
            double margin = AnalysisSettings.DEFAULTS.sameWithin();
            out.println();
            out.println("## Load");
            out.println();
            out.println(l.description() + "; " + l.mix() + ".");
            out.println();
            out.println("| round | order | old req/s | old p99 (ms) | new req/s | new p99 (ms) |");
            out.println("|---:|---|---:|---:|---:|---:|");
            for (int i = 0; i < l.old().size(); i++) {
                LoadRound a = l.old().get(i);
                LoadRound b = l.neu().get(i);
                out.printf(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.0f | %.2f |%n", a.round(), String.join(",", l.orders().get(i)),
                        a.throughputPerSecond(), a.p99Micros() / 1000, b.throughputPerSecond(), b.p99Micros() / 1000);
            }
            out.println();
            out.println("- new/old req/s: " + DiffTexts.ratio(l.comparison().throughput().ratio()) + ": **"
                    + DiffTexts.verdict(l.comparison().throughput(), margin) + "**");
            out.println("- new/old p99: " + DiffTexts.ratio(l.comparison().p99().ratio()) + ": **"
                    + DiffTexts.verdict(l.comparison().p99(), margin) + "**");
        });
        out.flush();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }

    private static String code(String s) {
        return "`" + cell(s) + "`";
    }
}
