package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.CellComparison;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.WorkloadTable;
import java.util.List;

/** The Markdown report: GitHub-flavoured tables, ready to paste into an issue or a README. */
final class MarkdownRenderer {
    private final ReportTables t;

    MarkdownRenderer(HumanFormat format) {
        this.t = new ReportTables(format);
    }

    String render(Analysis a) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(t.title(a.run())).append("\n\n");
        t.summary(a.run()).forEach(l -> out.append("- ").append(l).append('\n'));
        a.seed().ifPresent(s -> {
            out.append("\n## Seed article check\n\n");
            t.seedIntro(s).forEach(l -> out.append(l).append("  \n"));
            out.append('\n').append(t.seed(s).toMarkdown()).append('\n').append(t.seedRatios(s).toMarkdown());
        });
        for (WorkloadTable table : a.tables()) {
            out.append("\n## ").append(t.heading(table)).append("\n\n");
            out.append(t.workload(table).toMarkdown());
            List<String> notes = t.notes(table);
            if (!notes.isEmpty()) {
                out.append('\n');
                notes.forEach(n -> out.append("- ").append(n).append('\n'));
            }
        }
        out.append("\n## Contestants\n\n").append(t.contestants(a).toMarkdown());
        List<String> notMeasured = t.notMeasured(a);
        if (!notMeasured.isEmpty()) {
            out.append("\nNot measured:\n\n");
            notMeasured.forEach(l -> out.append("- ").append(l).append('\n'));
        }
        out.append("\n## Legend\n\n");
        t.legend(a).forEach(l -> out.append("- ").append(l).append('\n'));
        return out.toString();
    }

    String compare(Comparison c) {
        StringBuilder out = new StringBuilder("# Stackbench comparison: B against A\n\n");
        out.append("- ").append(t.runLabel("A", c.a().run())).append('\n');
        out.append("- ").append(t.runLabel("B", c.b().run())).append('\n');
        if (!c.differences().isEmpty()) {
            out.append("\nChanged between the runs:\n\n");
            c.differences().forEach(d -> out.append("- ").append(d).append('\n'));
        }
        for (List<CellComparison> group : t.compareGroups(c)) {
            out.append("\n## ").append(t.compareHeading(group.get(0))).append("\n\n");
            out.append(t.compare(group, c.settings().sameWithin()).toMarkdown());
        }
        if (!c.onlyInA().isEmpty() || !c.onlyInB().isEmpty()) {
            out.append("\n## Not in both runs\n\n");
            t.unmatched(c).forEach(l -> out.append("- ").append(l).append('\n'));
        }
        out.append("\n## Legend\n\n");
        t.compareLegend(c).forEach(l -> out.append("- ").append(l).append('\n'));
        return out.toString();
    }
}
