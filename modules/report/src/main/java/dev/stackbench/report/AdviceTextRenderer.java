package dev.stackbench.report;

import dev.stackbench.analysis.advise.Advice;
import java.util.List;

/** The advice as terminal text; {@link AdviceMarkdownRenderer} says the same in Markdown. */
final class AdviceTextRenderer {
    private final AdviceTables t;

    AdviceTextRenderer(HumanFormat format) {
        this.t = new AdviceTables(format);
    }

    String render(Advice a) {
        StringBuilder out = new StringBuilder(t.title()).append('\n');
        t.profile(a).forEach(l -> out.append(l).append('\n'));
        section(out, "Ranking: measured cost to meet the target first, then your weights");
        if (a.ranked().isEmpty()) {
            out.append("No contestant meets the target at a measured rate.\n");
        } else {
            out.append(t.ranking(a).toText());
        }
        lines(out, "Cannot meet the target", t.cannotMeet(a));
        lines(out, "Not measurable from these runs", t.notMeasurable(a));
        section(out, t.capacityHeading(a));
        out.append(t.capacities(a).toText());
        lines(out, "What the answer is sensitive to", t.sensitivity(a));
        if (!a.profile().needs().isEmpty()) {
            section(out, "Needs the measurements cannot see");
            out.append(t.needs(a).toText());
        }
        lines(out, "Notes", a.notes());
        return out.toString();
    }

    private static void lines(StringBuilder out, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            section(out, heading);
            lines.forEach(l -> out.append(l).append('\n'));
        }
    }

    private static void section(StringBuilder out, String heading) {
        out.append('\n').append("== ").append(heading).append(" ==").append('\n');
    }
}
