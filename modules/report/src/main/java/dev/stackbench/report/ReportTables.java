package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.CellComparison;
import dev.stackbench.analysis.CellKey;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.Flag;
import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.RankBy;
import dev.stackbench.analysis.RankedCell;
import dev.stackbench.analysis.SeedComparison;
import dev.stackbench.analysis.WorkloadTable;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.Environment;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content of the human formats: titles, summary lines and {@link Table}s built from an
 * analysis, formatted in one locale. Text, Markdown and HTML only differ in layout.
 */
final class ReportTables {
    static final String DASH = "—";
    private final HumanFormat f;

    ReportTables(HumanFormat format) {
        this.f = format;
    }

    /** @return e.g. {@code Stackbench report: suite seed-table, complete} */
    String title(Run run) {
        return "Stackbench report: suite " + run.suite() + ", " + run.status().name().toLowerCase(Locale.ROOT);
    }

    /** @return the lines that say when, where and how the run measured */
    List<String> summary(Run run) {
        Environment e = run.environment();
        List<String> lines = new ArrayList<>();
        lines.add("Run: " + run.started() + " to " + run.finished() + " ("
                + minutes(Duration.between(run.started(), run.finished())) + "); "
                + run.plan().trials() + " trials of " + seconds(run.plan().trialDuration()) + " per cell after "
                + seconds(run.plan().warmup()) + " warm-up; median of trials shown.");
        lines.add("Machine: " + e.cpuModel() + ", " + e.cores() + " cores, " + e.os() + ", kernel " + e.kernel()
                + ", host " + e.hostname() + ".");
        lines.add("CPU sets: generator " + e.generatorCpus() + ", server " + e.serverCpus() + ", database "
                + (e.databaseCpus() == null ? "none" : e.databaseCpus()) + ". Runtimes: Java " + e.javaVersion()
                + (e.nodeVersion() == null ? "" : ", Node.js " + e.nodeVersion())
                + (e.pythonVersion() == null ? "" : ", Python " + e.pythonVersion()) + ".");
        return lines;
    }

    /** @return e.g. {@code json — 100 connections (closed model, ranked by req/s)} */
    String heading(WorkloadTable t) {
        return t.workload() + " " + DASH + " " + t.level().describe() + (t.rankBy() == RankBy.THROUGHPUT
                ? " (closed model, ranked by req/s)"
                : " (open model, ranked by p99 latency)");
    }

    Table workload(WorkloadTable t) {
        boolean open = t.rankBy() == RankBy.P99_LATENCY;
        List<Table.Column> cols = new ArrayList<>(List.of(Table.right("#"), Table.left("contestant"),
                Table.left("language"), Table.right(open ? "achieved req/s" : "req/s"), Table.right("±"),
                Table.right(open ? "p99 vs best" : "vs fastest"), Table.right("p50"), Table.right("p99"),
                Table.right("p99.9")));
        if (open) {
            cols.add(Table.right("service p99"));
        }
        cols.addAll(List.of(Table.right("errors"), Table.right("CPU cores"), Table.right("RSS"),
                Table.left("flags")));
        List<List<String>> rows = new ArrayList<>();
        for (RankedCell r : t.rows()) {
            Cell c = r.cell();
            List<String> row = new ArrayList<>(List.of(
                    r.rank() + (r.tiedWithAbove() ? "≈" : ""), c.key().contestant(), orDash(c.contestant().language()),
                    f.rate(c.throughput().median()), f.plusMinus(c.throughput()), f.ratio(r.ratioToBest()),
                    f.latency(c.p50().median()), f.latency(c.p99().median()), f.latency(c.p999().median())));
            if (open) {
                row.add(c.serviceP99() == null ? DASH : f.latency(c.serviceP99().median()));
            }
            row.addAll(List.of(errors(c), f.cores(c.cpuCores()), f.mib(c.rssMeanBytes()), flags(c.flags())));
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** @return notes under a workload table: who is not distinguishable, generator-bound trials */
    List<String> notes(WorkloadTable t) {
        List<String> notes = new ArrayList<>();
        for (RankedCell r : t.rows()) {
            if (r.tiedWithAbove()) {
                int i = t.rows().indexOf(r);
                notes.add("≈ " + t.rows().get(i - 1).cell().key().contestant() + " and " + r.cell().key().contestant()
                        + " are not distinguishable: their trial ranges overlap.");
            }
            Cell c = r.cell();
            for (int trial : c.generatorBoundTrials()) {
                String reason = c.trials().stream().filter(x -> x.trial() == trial).findFirst()
                        .map(x -> x.generator().reason()).orElse(null);
                notes.add("G " + c.key().contestant() + " trial " + trial + " was generator-bound"
                        + (reason == null ? "" : ": " + reason) + ".");
            }
        }
        return notes;
    }

    /** @return the legend sentences for the flags that appear anywhere in the analysis */
    List<String> legend(Analysis a) {
        Set<Flag> used = EnumSet.noneOf(Flag.class);
        a.cells().forEach(c -> used.addAll(c.flags()));
        List<String> lines = new ArrayList<>();
        lines.add("± is half the min..max range of the trials, relative to the median; a cell is noisy when the"
                + " whole range exceeds " + f.percent(a.settings().noisyRelativeSpread(), 0) + " of the median.");
        lines.add("≈ after a rank: not distinguishable from the row above (their trial ranges overlap).");
        used.forEach(flag -> lines.add(flag.mark() + ": " + flag.legend() + "."));
        return lines;
    }

    Table contestants(Analysis a) {
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.left("framework"), Table.left("runtime"),
                Table.right("workers"), Table.left("variant"), Table.right("startup"), Table.right("idle RSS"),
                Table.left("status"));
        List<List<String>> rows = new ArrayList<>();
        for (Contestant c : a.run().contestants()) {
            rows.add(List.of(c.id(), orDash(c.framework()) + " " + orDash(c.frameworkVersion()),
                    orDash(c.runtime()) + " " + orDash(c.runtimeVersion()), Integer.toString(c.workers()),
                    orDash(c.variant()), c.startupMillis() == null ? DASH : f.millis(c.startupMillis()),
                    c.idleRssBytes() == null ? DASH : f.mib(c.idleRssBytes()), c.status().describe()));
        }
        return new Table(cols, rows);
    }

    /** @return e.g. {@code "Node.js vs Python ..." — simple JSON API, 1000 concurrent connections} */
    List<String> seedIntro(SeedComparison s) {
        List<String> lines = new ArrayList<>();
        lines.add("Article: " + s.article().source() + ": \"" + s.article().caption() + "\".");
        lines.add("Ours: workload " + s.article().workload() + ", "
                + s.level().map(LoadLevel::describe).orElse("no matching level")
                + ", this machine, median of trials. Absolute numbers depend on the machine; compare the ratios.");
        s.note().ifPresent(n -> lines.add("Note: " + n + "."));
        return lines;
    }

    Table seed(SeedComparison s) {
        List<Table.Column> cols = List.of(Table.left("Framework"), Table.right("Requests/sec (article)"),
                Table.right("Requests/sec (measured)"), Table.right("±"), Table.right("Avg latency (article)"),
                Table.right("Avg latency (measured)"), Table.right("p99 (measured)"), Table.left("contestant"),
                Table.left("flags"));
        List<List<String>> rows = new ArrayList<>();
        for (SeedComparison.SeedRow r : s.rows()) {
            Optional<Cell> c = r.measured();
            rows.add(List.of(r.article().label(), "~" + f.integer(r.article().requestsPerSecond()),
                    c.map(x -> f.rate(x.throughput().median())).orElse(DASH),
                    c.map(x -> f.plusMinus(x.throughput())).orElse(DASH),
                    f.integer(r.article().avgLatencyMillis()) + " ms",
                    c.map(x -> f.latency(x.meanLatency().median())).orElse(DASH),
                    c.map(x -> f.latency(x.p99().median())).orElse(DASH),
                    c.map(x -> x.key().contestant()).orElse(r.missing().orElse(DASH)),
                    c.map(x -> flags(x.flags())).orElse("")));
        }
        return new Table(cols, rows);
    }

    Table seedRatios(SeedComparison s) {
        List<Table.Column> cols = List.of(Table.left("req/s ratio"), Table.right("article"), Table.right("measured"),
                Table.right("range over trials"), Table.right("measured vs article"));
        List<List<String>> rows = new ArrayList<>();
        for (SeedComparison.SeedRatio r : s.ratios()) {
            rows.add(List.of(r.article().faster() + " / " + r.article().slower(), f.ratio(r.article().articleRatio()),
                    r.measured().map(f::ratio).orElse(DASH),
                    r.low().isPresent() ? f.ratio(r.low().get()) + " .. " + f.ratio(r.high().get()) : DASH,
                    r.deviation().map(f::signedPercent).orElse(DASH)));
        }
        return new Table(cols, rows);
    }

    List<String> notMeasured(Analysis a) {
        return a.notMeasured().stream().map(c -> c.id() + ": " + c.status().describe()).toList();
    }

    // ---- compare ----

    /** @return e.g. {@code A: seed-table, started 2025-03-01T10:00:00Z} */
    String runLabel(String letter, Run run) {
        return letter + ": suite " + run.suite() + ", started " + run.started() + ", " + run.environment().hostname();
    }

    /** @return the comparison's cells grouped by workload and level, in A's order */
    List<List<CellComparison>> compareGroups(Comparison c) {
        return new ArrayList<>(c.cells().stream()
                .collect(Collectors.groupingBy(x -> x.key().workload() + " " + x.key().level().label(),
                        LinkedHashMap::new, Collectors.toList()))
                .values());
    }

    String compareHeading(CellComparison first) {
        return first.key().workload() + " " + DASH + " " + first.key().level().describe();
    }

    Table compare(List<CellComparison> group, double sameWithin) {
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.right("req/s A"), Table.right("req/s B"),
                Table.right("B/A"), Table.left("req/s verdict"), Table.right("p99 A"), Table.right("p99 B"),
                Table.right("B/A"), Table.left("p99 verdict"));
        List<List<String>> rows = new ArrayList<>();
        for (CellComparison c : group) {
            rows.add(List.of(c.key().contestant(),
                    f.rate(c.a().throughput().median()) + " " + f.plusMinus(c.a().throughput()),
                    f.rate(c.b().throughput().median()) + " " + f.plusMinus(c.b().throughput()),
                    f.ratio(c.throughput().ratio()), verdict(c.throughput(), sameWithin),
                    f.latency(c.a().p99().median()), f.latency(c.b().p99().median()),
                    f.ratio(c.p99().ratio()), verdict(c.p99(), sameWithin)));
        }
        return new Table(cols, rows);
    }

    /** @return {@code faster}, {@code slower}, {@code same (within noise ±7.0%)}, {@code same (< 5%)} */
    String verdict(Judgement j, double sameWithin) {
        return switch (j.reason()) {
            case OUTSIDE_NOISE -> j.verdict().name().toLowerCase(Locale.ROOT);
            case WITHIN_NOISE -> "same (within noise ±" + f.percent(j.combinedNoise(), 1) + ")";
            case BELOW_THRESHOLD -> "same (< " + f.percent(sameWithin, 0) + ")";
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

    List<String> compareLegend(Comparison c) {
        return List.of("B/A: B's median over A's. req/s: higher is faster; p99: lower is faster.",
                "same: the medians differ by less than " + f.percent(c.settings().sameWithin(), 0)
                        + ", or by less than the two cells' trial ranges together (within noise).");
    }

    private String errors(Cell c) {
        return c.errors() == 0 ? "0" : f.integer(c.errors()) + " (" + f.percent(c.errorRate(), 1) + ")";
    }

    static String flags(Set<Flag> flags) {
        StringBuilder s = new StringBuilder();
        for (Flag flag : Flag.values()) {
            if (flags.contains(flag)) {
                s.append(flag.mark());
            }
        }
        return s.toString();
    }

    private static String orDash(String s) {
        return s == null ? DASH : s;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
