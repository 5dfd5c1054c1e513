package dev.stackbench.report;

import dev.stackbench.analysis.AaNoise;
import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.Drift;
import dev.stackbench.analysis.Exclusion;
import dev.stackbench.analysis.Flag;
import dev.stackbench.analysis.GeneratorSteal;
import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.analysis.RankBy;
import dev.stackbench.analysis.RankedCell;
import dev.stackbench.analysis.SeedComparison;
import dev.stackbench.analysis.Spread;
import dev.stackbench.analysis.Unranked;
import dev.stackbench.analysis.WorkloadTable;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.Environment;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Run;
import dev.stackbench.results.Trial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content of the human formats of one run's report: titles, summary lines and
 * {@link Table}s built from an analysis, formatted in one locale. Text, Markdown and HTML only
 * differ in layout.
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

    /** @return the lines that say when, where and how the run measured, and the drift warning */
    List<String> summary(Analysis a) {
        Run run = a.run();
        Environment e = run.environment();
        List<String> lines = new ArrayList<>();
        lines.add("Run: " + run.started() + " to " + run.finished() + " ("
                + minutes(Duration.between(run.started(), run.finished())) + "); " + run.plan().trials()
                + " trials of " + seconds(run.plan().trialDuration()) + " per cell; median of ranked trials shown"
                + " with its " + Spread.CONFIDENCE_PERCENT + "% confidence interval.");
        lines.add(rounds(run));
        lines.add("Machine: " + e.cpuModel() + ", " + e.cores() + " cores, " + e.os() + ", kernel " + e.kernel()
                + ", host " + e.hostname() + ".");
        lines.add("CPU sets: generator " + e.generatorCpus() + ", server " + e.serverCpus() + ", database "
                + (e.databaseCpus() == null ? "none" : e.databaseCpus()) + ". Runtimes: Java " + e.javaVersion()
                + (e.nodeVersion() == null ? "" : ", Node.js " + e.nodeVersion())
                + (e.pythonVersion() == null ? "" : ", Python " + e.pythonVersion()) + ".");
        lines.add("Server monitor: " + monitor(run) + ".");
        lines.addAll(drift(a));
        steal(run).ifPresent(lines::add);
        lines.addAll(aa(a));
        return lines;
    }

    /** @return one line per table that measured the A/A pair: its ratio, the run's noise floor */
    List<String> aa(Analysis a) {
        List<String> lines = new ArrayList<>();
        for (AaNoise n : AaNoise.of(a)) {
            String id = n.original().contestant();
            String metric = n.rankBy() == RankBy.THROUGHPUT ? "req/s" : "p99";
            String where = n.original().workload() + " " + n.original().level().label();
            String figure = id + Contestant.AA_SUFFIX + " / " + id + " " + metric + " " + f.ratio(n.ratio()) + " at " + where;
            lines.add(n.differs()
                    ? "WARNING: the A/A pair differs: " + figure + ", two instances of one contestant measured alike;"
                            + " the interval excludes 1, so this run's intervals understate its noise: differences of this size are not evidence."
                    : "A/A pair (" + id + " started twice, measured as two contestants): " + figure
                            + "; the run's noise floor: a ratio whose interval lies inside this one's says nothing.");
        }
        return lines;
    }

    /** @return the hypervisor's steal on the generator's CPUs, when the trials measured it */
    private Optional<String> steal(Run run) {
        return GeneratorSteal.of(run).map(g -> "Hypervisor steal on the generator's CPUs: median " + f.percent(g.median(), 1)
                + ", at most " + f.percent(g.max(), 1) + " of their time over " + g.trials() + " trials (a shared machine;"
                + " every contestant of a round met it alike).");
    }

    private String rounds(Run run) {
        if (run.schemaVersion() < 2) {
            return "Rounds: not interleaved (a schema-" + run.schemaVersion() + " run measured each cell's trials"
                    + " back to back; rounds are trial indexes); warm-up " + seconds(run.plan().warmup()) + ".";
        }
        double min = run.trials().stream().mapToDouble(Trial::warmupSeconds).min().orElse(0);
        double max = run.trials().stream().mapToDouble(Trial::warmupSeconds).max().orElse(0);
        return "Rounds: " + run.plan().rounds() + ", every cell once per round, order shuffled per round (seed "
                + run.plan().shuffleSeed() + "); a contestant's first trial of a cell warms up until the rate is"
                + " stable, at least " + seconds(run.plan().warmup()) + ", at most " + seconds(run.plan().warmupCap())
                + ", its later ones (it stayed up, warm) " + seconds(run.plan().warmup()) + " (used "
                + f.number(min, 1) + "–" + f.number(max, 1) + " s).";
    }

    private static String monitor(Run run) {
        Set<String> sources = new TreeSet<>();
        run.trials().forEach(t -> sources.add(t.server().source()));
        if (sources.isEmpty()) {
            return "no trials";
        }
        return String.join(" and ", sources.stream().map(s -> s.equals("cgroup")
                ? "cgroup (the contestant's own cgroup: CPU accounting incl. short-lived children, cgroup memory)"
                : "proc (/proc sampled over the process tree: summed RSS)").toList());
    }

    /** @return the drift reference line: a warning with the figure when above the threshold */
    List<String> drift(Analysis a) {
        Optional<Drift> d = a.drift();
        if (d.isEmpty()) {
            return a.run().reference().isEmpty() ? List.of("Drift reference: not measured in this run.") : List.of();
        }
        Spread s = d.get().throughput();
        String figures = "req/s varied by " + f.percent(s.cv(), 1) + " (coefficient of variation) over "
                + d.get().measurements() + " measurements, " + f.rate(s.min()) + "–" + f.rate(s.max()) + " req/s";
        if (d.get().exceeded()) {
            return List.of("WARNING: the machine's speed drifted during the run: the drift reference's " + figures
                    + ", above the " + f.percent(d.get().threshold(), 0) + " threshold. Ratios paired by round"
                    + " stay fair; absolute numbers and comparisons with other runs do not.");
        }
        return List.of("Drift reference: its " + figures + " (warning above " + f.percent(d.get().threshold(), 0) + ").");
    }

    /** @return e.g. {@code json — 100 connections (closed model, ranked by req/s)} */
    String heading(WorkloadTable t) {
        if (t.level() instanceof dev.stackbench.results.LoadLevel.Fanout) {
            return t.workload() + " " + DASH + " " + t.level().describe()
                    + " (WebSocket fan-out: req/s are deliveries/s, latency publish to delivery; ranked by p99)";
        }
        if (t.workload().equals(dev.stackbench.analysis.Inflation.BLOCKING)) {
            return t.workload() + " " + DASH + " " + t.level().describe()
                    + " (json with /cpu mixed in: req/s and latency of the json requests; ranked by p99)";
        }
        return t.workload() + " " + DASH + " " + t.level().describe() + (t.rankBy() == RankBy.THROUGHPUT
                ? " (closed model, ranked by req/s)"
                : " (open model, ranked by p99 latency)");
    }

    Table workload(WorkloadTable t) {
        boolean open = t.rankBy() == RankBy.P99_LATENCY;
        boolean database = t.rows().stream().anyMatch(r -> r.cell().databaseCpuCores() != null);
        // the interval shown is the ranking metric's: req/s closed, p99 open (JSON has every one)
        String ci = Spread.CONFIDENCE_PERCENT + "% CI";
        List<Table.Column> cols = new ArrayList<>(List.of(Table.right("#"), Table.left("contestant"),
                Table.left("language"), Table.right(open ? "achieved req/s" : "req/s")));
        if (!open) {
            cols.add(Table.right(ci));
        }
        cols.addAll(List.of(Table.right(open ? "p99 vs best (CI)" : "vs fastest (CI)"), Table.right("p50"),
                Table.right("p99")));
        if (open) {
            cols.add(Table.right("p99 " + ci));
        }
        cols.add(Table.right("p99.9"));
        if (open) {
            cols.add(Table.right("service p99"));
        }
        cols.add(Table.right("errors"));
        if (open) {
            cols.add(Table.right("unsent"));
        }
        cols.add(Table.right("CPU cores"));
        if (database) {
            cols.add(Table.right("DB CPU"));
        }
        cols.addAll(List.of(Table.right("RSS"), Table.right("trials"), Table.left("flags")));
        List<List<String>> rows = new ArrayList<>();
        for (RankedCell r : t.rows()) {
            Cell c = r.cell();
            List<String> row = new ArrayList<>(List.of(
                    r.rank() + (r.tiedWithAbove() ? "≈" : ""), c.key().contestant(), orDash(c.contestant().language()),
                    f.rate(c.throughput().median())));
            if (!open) {
                row.add(f.rateInterval(c.throughput()));
            }
            row.addAll(List.of(f.ratio(r.ratioToBest()), f.percentile(c.p50()), f.percentile(c.p99())));
            if (open) {
                row.add(c.p99().supported() && !c.p99().lowerBound() ? f.latencyInterval(c.p99().value()) : DASH);
            }
            row.add(f.percentile(c.p999()));
            if (open) {
                row.add(c.serviceP99() == null ? DASH : f.latency(c.serviceP99().median()));
            }
            row.add(errors(c));
            if (open) {
                row.add(f.integer(c.unsent()));
            }
            row.add(f.cores(c.cpuCores().median()));
            if (database) {
                row.add(c.databaseCpuCores() == null ? DASH : f.cores(c.databaseCpuCores().median()));
            }
            row.addAll(List.of(f.size(c.rssMeanBytes()), c.ranked().size() + "/" + c.trials().size(), flags(c.flags())));
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** @return notes under a workload table: ties, pairs ranked apart, excluded trials, generator-bound trials */
    List<String> notes(WorkloadTable t) {
        List<String> notes = new ArrayList<>();
        String metric = t.rankBy() == RankBy.THROUGHPUT ? "req/s" : "p99";
        List<RankedCell> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            RankedCell r = rows.get(i);
            for (int k = 0; k < i; k++) {
                RankedCell above = rows.get(k);
                if (!r.notDistinguishableFrom().contains(above.cell().key().contestant())) {
                    continue;
                }
                String pair = above.cell().key().contestant() + " and " + r.cell().key().contestant();
                notes.add(above.rank() == r.rank()
                        ? "≈ " + pair + " are not distinguishable: the " + Spread.CONFIDENCE_PERCENT
                                + "% interval of their " + metric + " ratio contains 1 or lies within the margin."
                        : "~ " + pair + " are not distinguishable, but are ranked apart: "
                                + r.cell().key().contestant() + " is distinguishable from another member of rank "
                                + above.rank() + " (rank groups never chain).");
            }
        }
        for (RankedCell r : rows) {
            Cell c = r.cell();
            if (!c.excluded().isEmpty()) {
                notes.add("X " + c.key().contestant() + ": " + excluded(c.excluded(), c.trials().size()));
            }
            List<Integer> bound = c.generatorBoundTrials();
            if (!bound.isEmpty()) {
                // one line per contestant, however many trials: the reason of the first stands for them
                int first = bound.get(0);
                String reason = c.trials().stream().filter(x -> x.trial() == first).findFirst()
                        .map(x -> x.generator().reason()).orElse(null);
                String which = bound.size() == c.trials().size() ? "every trial (" + bound.size() + ")"
                        : (bound.size() == 1 ? "trial " : "trials ") + bound.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " of " + c.trials().size();
                notes.add("G " + c.key().contestant() + ": " + which + " generator-bound"
                        + (reason == null ? "" : "; trial " + first + ": " + reason) + (reason != null && reason.endsWith(".") ? "" : "."));
            }
        }
        for (Unranked u : t.unranked()) {
            notes.add("not ranked: " + u.key().contestant() + ": " + excluded(u.excluded(), u.trials().size()));
        }
        return notes;
    }

    /** @return e.g. {@code 1 of 5 trials not ranked: contestant crashed: killed by SIGKILL (trial 3).} */
    private String excluded(List<Exclusion> excluded, int trials) {
        Exclusion first = excluded.get(0);
        return excluded.size() + " of " + trials + (trials == 1 ? " trial" : " trials") + " not ranked: "
                + first.reason() + " (trial " + first.trial() + (excluded.size() > 1 ? ", the first" : "") + ").";
    }

    /** @return the legend sentences for the rules and the flags that appear anywhere in the analysis */
    List<String> legend(Analysis a) {
        Set<Flag> used = EnumSet.noneOf(Flag.class);
        a.cells().forEach(c -> used.addAll(c.flags()));
        List<String> lines = new ArrayList<>();
        lines.add(Spread.CONFIDENCE_PERCENT + "% CI: confidence interval of the median (of req/s in the closed model,"
                + " of p99 in the open model), a Student-t interval on the logs of the ranked trials' values; — with a"
                + " single trial. The JSON format has the interval of every median.");
        lines.add("vs fastest / p99 vs best: the ratio to the best contestant, the geometric mean of the per-round"
                + " ratios (trials paired by round), with its " + Spread.CONFIDENCE_PERCENT + "% interval.");
        lines.add("≈ after a rank: not distinguishable from every contestant of that rank (their ratio's interval"
                + " contains 1 or lies within ±" + f.percent(a.settings().sameWithin(), 0) + "); ties never chain.");
        lines.add("Latency is of successful responses; timeouts and unsent requests are recorded at their censored"
                + " value: ≥ marks a percentile that falls on them. A percentile needs "
                + PercentileFigure.VALUES_BEYOND + " values beyond it in every trial (p99: "
                + f.integer(PercentileFigure.needed(99)) + ", p99.9: " + f.integer(PercentileFigure.needed(99.9))
                + "); n/a (n=…) gives the smallest trial's count.");
        lines.add("trials: ranked / measured. A trial is not ranked when it is invalid (the contestant crashed, the"
                + " database exited, too few WebSocket subscribers connected) or its error rate is above "
                + f.percent(a.settings().maxErrorRate(), 0) + "; a generator-bound trial (G) is ranked and flagged.");
        used.forEach(flag -> lines.add(flag.mark() + ": " + flag.legend()
                + (flag == Flag.NOISY ? " (above " + f.percent(a.settings().noisyCv(), 0) + ")" : "") + "."));
        return lines;
    }

    Table contestants(Analysis a) {
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.left("framework"), Table.left("runtime"),
                Table.right("workers"), Table.left("variant"), Table.right("startup"), Table.right("idle RSS"),
                Table.right("restarts"), Table.left("status"));
        List<List<String>> rows = new ArrayList<>();
        for (Contestant c : a.run().contestants()) {
            rows.add(List.of(c.id(), orDash(c.framework()) + " " + orDash(c.frameworkVersion()),
                    orDash(c.runtime()) + " " + orDash(c.runtimeVersion()), Integer.toString(c.workers()),
                    orDash(c.variant()), c.startupMillis() == null ? DASH : f.millis(c.startupMillis()),
                    c.idleRssBytes() == null ? DASH : f.size(c.idleRssBytes()), Integer.toString(c.restarts()),
                    c.status().describe()));
        }
        return new Table(cols, rows);
    }

    /** @return e.g. {@code "Node.js vs Python ..." — simple JSON API, 1000 concurrent connections} */
    List<String> seedIntro(SeedComparison s) {
        List<String> lines = new ArrayList<>();
        lines.add("Article: " + s.article().source() + ": \"" + s.article().caption() + "\".");
        lines.add("Ours: workload " + s.article().workload() + ", "
                + s.level().map(LoadLevel::describe).orElse("no matching level")
                + ", this machine, median of ranked trials. Absolute numbers depend on the machine; compare the"
                + " ratios.");
        s.note().ifPresent(n -> lines.add("Note: " + n + "."));
        return lines;
    }

    Table seed(SeedComparison s) {
        List<Table.Column> cols = List.of(Table.left("Framework"), Table.right("Requests/sec (article)"),
                Table.right("Requests/sec (measured)"), Table.right(Spread.CONFIDENCE_PERCENT + "% CI"),
                Table.right("Avg latency (article)"), Table.right("Avg latency (measured)"),
                Table.right("p99 (measured)"), Table.left("contestant"), Table.left("flags"));
        List<List<String>> rows = new ArrayList<>();
        for (SeedComparison.SeedRow r : s.rows()) {
            Optional<Cell> c = r.measured();
            rows.add(List.of(r.article().label(), "~" + f.integer(r.article().requestsPerSecond()),
                    c.map(x -> f.rate(x.throughput().median())).orElse(DASH),
                    c.map(x -> f.rateInterval(x.throughput())).orElse(DASH),
                    f.integer(r.article().avgLatencyMillis()) + " ms",
                    c.map(x -> f.latency(x.meanLatency().median())).orElse(DASH),
                    c.map(x -> f.percentile(x.p99())).orElse(DASH),
                    c.map(x -> x.key().contestant()).orElse(r.missing().orElse(DASH)),
                    c.map(x -> flags(x.flags())).orElse("")));
        }
        return new Table(cols, rows);
    }

    Table seedRatios(SeedComparison s) {
        List<Table.Column> cols = List.of(Table.left("req/s ratio"), Table.right("article"),
                Table.right("measured (" + Spread.CONFIDENCE_PERCENT + "% CI)"), Table.left("article in CI"),
                Table.right("measured vs article"));
        List<List<String>> rows = new ArrayList<>();
        for (SeedComparison.SeedRatio r : s.ratios()) {
            rows.add(List.of(r.article().faster() + " / " + r.article().slower(), f.ratio(r.article().articleRatio()),
                    r.measured().map(f::ratio).orElse(DASH),
                    r.articleInside().map(in -> in ? "yes" : "no").orElse(DASH),
                    r.deviation().map(f::signedPercent).orElse(DASH)));
        }
        return new Table(cols, rows);
    }

    List<String> seedLegend() {
        return List.of("measured: the geometric mean of the per-round ratios (trials paired by round) with its "
                + Spread.CONFIDENCE_PERCENT + "% interval; article in CI: whether the article's ratio lies inside it.");
    }

    List<String> notMeasured(Analysis a) {
        return a.notMeasured().stream().map(c -> c.id() + ": " + c.status().describe()).toList();
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

    static String orDash(String s) {
        return s == null ? DASH : s;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
