package dev.stackbench.report;

import dev.stackbench.analysis.advise.Advice;
import java.util.List;

/** The advice as GitHub-flavoured Markdown. */
final class AdviceMarkdownRenderer {
    private final AdviceTables t;

    AdviceMarkdownRenderer(HumanFormat format) {
        this.t = new AdviceTables(format);
    }

    String render(Advice a) {
        StringBuilder out = new StringBuilder("# ").append(t.title()).append("\n\n");
        t.profile(a).forEach(l -> out.append("- ").append(l).append('\n'));
        out.append("\n## Ranking: measured cost to meet the target first, then your weights\n\n");
        out.append(a.ranked().isEmpty() ? "No contestant meets the target at a measured rate.\n" : t.ranking(a).toMarkdown());
        lines(out, "Cannot meet the target", t.cannotMeet(a));
        lines(out, "Not measurable from these runs", t.notMeasurable(a));
        out.append("\n## ").append(t.capacityHeading(a)).append("\n\n").append(t.capacities(a).toMarkdown());
        lines(out, "What the answer is sensitive to", t.sensitivity(a));
        if (!a.profile().needs().isEmpty()) {
            out.append("\n## Needs the measurements cannot see\n\n").append(t.needs(a).toMarkdown());
        }
        lines(out, "Notes", a.notes());
        return out.toString();
    }

    private static void lines(StringBuilder out, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n## ").append(heading).append("\n\n");
            lines.forEach(l -> out.append("- ").append(l).append('\n'));
        }
    }
}
