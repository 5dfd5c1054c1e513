package dev.stackbench.report;

import dev.stackbench.analysis.CellComparison;
import dev.stackbench.analysis.CellKey;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.Spread;
import dev.stackbench.results.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The content of the human formats of {@code compare}: run B against run A, cell by cell. */
final class CompareTables {
    private final HumanFormat f;
    private final ReportTables report;

    CompareTables(HumanFormat format) {
        this.f = format;
        this.report = new ReportTables(format);
    }

    /** @return e.g. {@code A: suite seed-table, started 2025-03-01T10:00:00Z, bench-1} */
    String runLabel(String letter, Run run) {
        return letter + ": suite " + run.suite() + ", started " + run.started() + ", " + run.environment().hostname()
                + ", " + run.plan().rounds() + " rounds";
    }

    /** @return the drift lines of both runs, prefixed with their letter */
    List<String> drift(Comparison c) {
        List<String> lines = new ArrayList<>();
        report.drift(c.a()).forEach(l -> lines.add("A: " + l));
        report.drift(c.b()).forEach(l -> lines.add("B: " + l));
        return lines;
    }

    /** @return the comparison's cells grouped by workload and level, in A's order */
    List<List<CellComparison>> groups(Comparison c) {
        return new ArrayList<>(c.cells().stream()
                .collect(Collectors.groupingBy(x -> x.key().workload() + " " + x.key().level().label(),
                        LinkedHashMap::new, Collectors.toList()))
                .values());
    }

    String heading(CellComparison first) {
        return first.key().workload() + " " + ReportTables.DASH + " " + first.key().level().describe();
    }

    Table table(List<CellComparison> group, double sameWithin) {
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.right("req/s A"), Table.right("req/s B"),
                Table.right("B/A (" + Spread.CONFIDENCE_PERCENT + "% CI)"), Table.left("req/s verdict"),
                Table.right("p99 A"), Table.right("p99 B"), Table.right("B/A (" + Spread.CONFIDENCE_PERCENT + "% CI)"),
                Table.left("p99 verdict"));
        List<List<String>> rows = new ArrayList<>();
        for (CellComparison c : group) {
            rows.add(List.of(c.key().contestant(),
                    f.rate(c.a().throughput().median()) + " (" + c.a().ranked().size() + ")",
                    f.rate(c.b().throughput().median()) + " (" + c.b().ranked().size() + ")",
                    f.ratio(c.throughput().ratio()), verdict(c.throughput(), sameWithin),
                    f.percentile(c.a().p99()), f.percentile(c.b().p99()),
                    f.ratio(c.p99().ratio()), verdict(c.p99(), sameWithin)));
        }
        return new Table(cols, rows);
    }

    /** @return one line per cell without a verdict, saying why */
    List<String> notes(List<CellComparison> group, int needed) {
        List<String> notes = new ArrayList<>();
        for (CellComparison c : group) {
            c.throughput().whyNoVerdict(needed).ifPresent(why -> notes.add(c.key().contestant() + ": " + why + "."));
        }
        return notes;
    }

    /** @return {@code faster}, {@code slower}, {@code same (within ±5%)}, {@code unsure}, {@code no verdict} */
    String verdict(Judgement j, double sameWithin) {
        return switch (j.reason()) {
            case INTERVAL_EXCLUDES_ONE -> j.verdict().name().toLowerCase(Locale.ROOT);
            case WITHIN_MARGIN -> "same (within ±" + f.percent(sameWithin, 0) + ")";
            case INTERVAL_CONTAINS_ONE -> "unsure";
            case TOO_FEW_TRIALS -> "no verdict";
            case TOO_FEW_VALUES -> "no verdict (too few values)";
            case CENSORED -> "unsure (≥: censored)";
        };
    }

    /** @return e.g. {@code only in A: json r500: fastify, express}, one line per workload and level */
    List<String> unmatched(Comparison c) {
        List<String> lines = new ArrayList<>();
        unmatched(lines, "A", c.onlyInA());
        unmatched(lines, "B", c.onlyInB());
        return lines;
    }

    private static void unmatched(List<String> lines, String letter, List<CellKey> keys) {
        keys.stream().collect(Collectors.groupingBy(k -> k.workload() + " " + k.level().label(), LinkedHashMap::new,
                        Collectors.mapping(CellKey::contestant, Collectors.joining(", "))))
                .forEach((where, who) -> lines.add("only in " + letter + ": " + where + ": " + who));
    }

    List<String> legend(Comparison c) {
        return List.of("req/s A, req/s B: median of the ranked trials (their count). p99: median of the trials' p99.",
                "B/A: ratio of the geometric means with Welch's " + Spread.CONFIDENCE_PERCENT + "% interval on the"
                        + " logs (two runs are independent samples). req/s: higher is faster; p99: lower is faster.",
                "faster / slower: the interval excludes 1. same: the interval lies within ±"
                        + f.percent(c.settings().sameWithin(), 0) + ". unsure: the interval contains 1 and reaches"
                        + " beyond that; run more trials. no verdict: a side has fewer than "
                        + c.settings().minTrialsForVerdict() + " ranked trials (or, for p99, too few values)."
                        + " unsure (≥): a p99 on censored values, a lower bound, on the side the verdict would"
                        + " favour.");
    }
}
