package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.CellComparison;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.WorkloadTable;
import java.util.List;

/** The Markdown report: GitHub-flavoured tables, ready to paste into an issue or a README. */
final class MarkdownRenderer {
    private final ReportTables t;
    private final CompareTables ct;
    private final ClaimWorkloadTables cw;

    MarkdownRenderer(HumanFormat format) {
        this.t = new ReportTables(format);
        this.cw = new ClaimWorkloadTables(format);
        this.ct = new CompareTables(format);
    }

    String render(Analysis a) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(t.title(a.run())).append("\n\n");
        t.summary(a).forEach(l -> out.append("- ").append(l).append('\n'));
        a.seed().ifPresent(s -> {
            out.append("\n## Seed article check\n\n");
            t.seedIntro(s).forEach(l -> out.append(l).append("  \n"));
            out.append('\n').append(t.seed(s).toMarkdown()).append('\n').append(t.seedRatios(s).toMarkdown());
            out.append('\n');
            t.seedLegend().forEach(l -> out.append(l).append('\n'));
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
        if (!a.realtime().isEmpty()) {
            out.append("\n## ").append(ClaimWorkloadTables.REALTIME_HEADING).append("\n\n").append(cw.realtime(a.realtime()).toMarkdown());
            out.append('\n');
            cw.realtimeNotes().forEach(n -> out.append("- ").append(n).append('\n'));
        }
        if (!a.blocking().isEmpty()) {
            out.append("\n## ").append(ClaimWorkloadTables.BLOCKING_HEADING).append("\n\n").append(cw.blocking(a.blocking()).toMarkdown());
            out.append('\n');
            cw.blockingNotes().forEach(n -> out.append("- ").append(n).append('\n'));
        }
        if (!a.connectionScaling().isEmpty()) {
            out.append("\n## ").append(ClaimWorkloadTables.SCALING_HEADING).append("\n\n").append(cw.scaling(a.connectionScaling()).toMarkdown());
            out.append('\n');
            cw.scalingNotes().forEach(n -> out.append("- ").append(n).append('\n'));
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
        out.append("- ").append(ct.runLabel("A", c.a().run())).append('\n');
        out.append("- ").append(ct.runLabel("B", c.b().run())).append('\n');
        ct.drift(c).forEach(l -> out.append("- ").append(l).append('\n'));
        if (!c.differences().isEmpty()) {
            out.append("\nChanged between the runs:\n\n");
            c.differences().forEach(d -> out.append("- ").append(d).append('\n'));
        }
        for (List<CellComparison> group : ct.groups(c)) {
            out.append("\n## ").append(ct.heading(group.get(0))).append("\n\n");
            out.append(ct.table(group, c.settings().sameWithin()).toMarkdown());
            List<String> notes = ct.notes(group, c.settings().minTrialsForVerdict());
            if (!notes.isEmpty()) {
                out.append('\n');
                notes.forEach(n -> out.append("- ").append(n).append('\n'));
            }
        }
        if (!c.onlyInA().isEmpty() || !c.onlyInB().isEmpty()) {
            out.append("\n## Not in both runs\n\n");
            ct.unmatched(c).forEach(l -> out.append("- ").append(l).append('\n'));
        }
        out.append("\n## Legend\n\n");
        ct.legend(c).forEach(l -> out.append("- ").append(l).append('\n'));
        return out.toString();
    }
}
