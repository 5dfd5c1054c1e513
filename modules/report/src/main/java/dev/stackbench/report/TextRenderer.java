package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.CellComparison;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.WorkloadTable;
import java.util.List;

/** The terminal report: plain text tables, no colours (pipes and CI logs stay readable). */
final class TextRenderer {
    private final ReportTables t;
    private final CompareTables ct;
    private final ClaimWorkloadTables cw;

    TextRenderer(HumanFormat format) {
        this.t = new ReportTables(format);
        this.cw = new ClaimWorkloadTables(format);
        this.ct = new CompareTables(format);
    }

    String render(Analysis a) {
        StringBuilder out = new StringBuilder();
        out.append(t.title(a.run())).append('\n');
        t.summary(a).forEach(l -> out.append(l).append('\n'));
        a.seed().ifPresent(s -> {
            section(out, "Seed article check");
            t.seedIntro(s).forEach(l -> out.append(l).append('\n'));
            out.append('\n').append(t.seed(s).toText()).append('\n').append(t.seedRatios(s).toText());
            t.seedLegend().forEach(l -> out.append(l).append('\n'));
        });
        for (WorkloadTable table : a.tables()) {
            section(out, t.heading(table));
            out.append(t.workload(table).toText());
            t.notes(table).forEach(n -> out.append(n).append('\n'));
        }
        if (!a.realtime().isEmpty()) {
            section(out, ClaimWorkloadTables.REALTIME_HEADING);
            out.append(cw.realtime(a.realtime()).toText());
            cw.realtimeNotes().forEach(n -> out.append(n).append('\n'));
        }
        if (!a.blocking().isEmpty()) {
            section(out, ClaimWorkloadTables.BLOCKING_HEADING);
            out.append(cw.blocking(a.blocking()).toText());
            cw.blockingNotes().forEach(n -> out.append(n).append('\n'));
        }
        if (!a.connectionScaling().isEmpty()) {
            section(out, ClaimWorkloadTables.SCALING_HEADING);
            out.append(cw.scaling(a.connectionScaling()).toText());
            cw.scalingNotes().forEach(n -> out.append(n).append('\n'));
        }
        section(out, "Contestants");
        out.append(t.contestants(a).toText());
        List<String> notMeasured = t.notMeasured(a);
        if (!notMeasured.isEmpty()) {
            out.append("\nNot measured:\n");
            notMeasured.forEach(l -> out.append("  ").append(l).append('\n'));
        }
        section(out, "Legend");
        t.legend(a).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    String compare(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("Stackbench comparison: B against A\n");
        out.append(ct.runLabel("A", c.a().run())).append('\n');
        out.append(ct.runLabel("B", c.b().run())).append('\n');
        ct.drift(c).forEach(l -> out.append(l).append('\n'));
        if (!c.differences().isEmpty()) {
            out.append("Changed between the runs:\n");
            c.differences().forEach(d -> out.append("  ").append(d).append('\n'));
        }
        for (List<CellComparison> group : ct.groups(c)) {
            section(out, ct.heading(group.get(0)));
            out.append(ct.table(group, c.settings().sameWithin()).toText());
            ct.notes(group, c.settings().minTrialsForVerdict()).forEach(n -> out.append(n).append('\n'));
        }
        if (!c.onlyInA().isEmpty() || !c.onlyInB().isEmpty()) {
            section(out, "Not in both runs");
            ct.unmatched(c).forEach(l -> out.append(l).append('\n'));
        }
        section(out, "Legend");
        ct.legend(c).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static void section(StringBuilder out, String heading) {
        out.append('\n').append("== ").append(heading).append(" ==").append('\n');
    }
}
