package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Run;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Turns a {@link Run} into an {@link Analysis}. A pure function of its arguments.
 *
 * <pre>{@code
 * ResultsDirectory dir = ResultsDirectory.open(path);
 * Analysis analysis = Analyzer.analyze(dir.run(),
 *         trial -> dir.histograms(trial).map(TrialLogs.Histograms::latency), AnalysisSettings.DEFAULTS);
 * }</pre>
 */
public final class Analyzer {

    /** The suite whose reports carry the seed-table comparison. */
    public static final String SEED_SUITE = "seed-table";

    /** Percentiles of the latency curves: HdrHistogram's half-distance ticks, one per half. */
    static final double[] CURVE_PERCENTILES = {
        0, 25, 50, 75, 87.5, 90, 95, 97.5, 99, 99.5, 99.75, 99.9, 99.95, 99.975, 99.99, 99.995, 99.9975, 99.999};

    private Analyzer() {
    }

    /**
     * @param run the run
     * @param latencyHistograms a trial's latency histogram (µs), or empty when its log is missing
     * @param settings thresholds
     */
    public static Analysis analyze(Run run, Function<Trial, Optional<Histogram>> latencyHistograms,
            AnalysisSettings settings) {
        Map<CellKey, List<Trial>> byCell = new LinkedHashMap<>();
        for (Trial t : run.trials()) {
            byCell.computeIfAbsent(CellKey.of(t), k -> new ArrayList<>()).add(t);
        }
        List<WorkloadTable> tables = new ArrayList<>();
        List<LatencyCurve> curves = new ArrayList<>();
        for (String workload : orderedWorkloads(run)) {
            for (LoadLevel level : orderedLevels(run)) {
                List<Cell> cells = new ArrayList<>();
                for (Map.Entry<CellKey, List<Trial>> e : byCell.entrySet()) {
                    CellKey key = e.getKey();
                    Optional<Contestant> contestant = run.contestant(key.contestant());
                    if (key.workload().equals(workload) && key.level().equals(level)
                            && contestant.map(Contestant::measured).orElse(false)) {
                        cells.add(cell(key, contestant.get(), e.getValue(), settings));
                    }
                }
                if (!cells.isEmpty()) {
                    WorkloadTable table = rank(workload, level, cells);
                    tables.add(table);
                    table.rows().forEach(r -> curves.add(curve(r.cell(), latencyHistograms)));
                }
            }
        }
        List<Contestant> notMeasured = run.contestants().stream().filter(c -> !c.measured()).toList();
        Analysis partial = new Analysis(run, settings, tables, curves, notMeasured, Optional.empty());
        Optional<SeedComparison> seed = SEED_SUITE.equals(run.suite())
                ? Optional.of(SeedTableCheck.compare(SeedArticle.NODE_VS_PYTHON, partial))
                : Optional.empty();
        return new Analysis(run, settings, tables, curves, notMeasured, seed);
    }

    /** @return the plan's workloads, then any others the trials name, in first-seen order */
    private static List<String> orderedWorkloads(Run run) {
        List<String> out = new ArrayList<>(run.plan().workloads());
        run.trials().stream().map(Trial::workload).distinct().filter(w -> !out.contains(w)).forEach(out::add);
        return out;
    }

    private static List<LoadLevel> orderedLevels(Run run) {
        List<LoadLevel> out = new ArrayList<>(run.plan().levels());
        run.trials().stream().map(Trial::level).distinct().filter(l -> !out.contains(l)).forEach(out::add);
        return out;
    }

    static Cell cell(CellKey key, Contestant contestant, List<Trial> unsorted, AnalysisSettings settings) {
        List<Trial> trials = unsorted.stream().sorted(Comparator.comparingInt(Trial::trial)).toList();
        Spread throughput = spread(trials, Trial::throughputPerSecond);
        Spread serviceP99 = trials.stream().allMatch(t -> t.serviceTimeMicros() != null)
                ? spread(trials, t -> t.serviceTimeMicros().p99()) : null;
        Spread achieved = spread(trials, t -> t.generator().achievedRate());
        long errors = trials.stream().mapToLong(t -> t.errors().total()).sum();
        long transport = trials.stream()
                .mapToLong(t -> t.errors().connect() + t.errors().read() + t.errors().write() + t.errors().timeout())
                .sum();
        long attempts = trials.stream().mapToLong(Trial::requests).sum() + transport;
        List<Integer> bound = trials.stream().filter(t -> t.generator().bound()).map(Trial::trial).toList();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (!bound.isEmpty()) {
            flags.add(Flag.GENERATOR_BOUND);
        }
        if (throughput.relative() > settings.noisyRelativeSpread()) {
            flags.add(Flag.NOISY);
        }
        if (errors > 0) {
            flags.add(Flag.ERRORS);
        }
        if (key.level() instanceof LoadLevel.Open open
                && throughput.median() < settings.saturatedBelow() * open.ratePerSecond()) {
            flags.add(Flag.SATURATED);
        }
        return new Cell(key, contestant, trials, throughput,
                latency(trials, Percentiles::p50), latency(trials, Percentiles::p90),
                latency(trials, Percentiles::p99), latency(trials, Percentiles::p999),
                spread(trials, t -> t.latencyMicros().mean()),
                serviceP99, achieved, errors, attempts == 0 ? 0 : (double) errors / attempts,
                spread(trials, t -> t.server().cpuCores()).median(),
                Math.round(spread(trials, t -> t.server().rssMeanBytes()).median()),
                trials.stream().mapToLong(t -> t.server().rssPeakBytes()).max().orElse(0),
                bound, flags);
    }

    private static Spread latency(List<Trial> trials, ToDoubleFunction<Percentiles> percentile) {
        return spread(trials, t -> percentile.applyAsDouble(t.latencyMicros()));
    }

    private static Spread spread(List<Trial> trials, ToDoubleFunction<Trial> metric) {
        return Spread.of(trials.stream().map(t -> metric.applyAsDouble(t)).toList());
    }

    static WorkloadTable rank(String workload, LoadLevel level, List<Cell> cells) {
        RankBy rankBy = level instanceof LoadLevel.Open ? RankBy.P99_LATENCY : RankBy.THROUGHPUT;
        Function<Cell, Spread> metric = rankBy == RankBy.THROUGHPUT ? Cell::throughput : Cell::p99;
        Comparator<Cell> order = rankBy == RankBy.THROUGHPUT
                ? Comparator.comparingDouble((Cell c) -> -c.throughput().median())
                : Comparator.comparingDouble((Cell c) -> c.p99().median());
        List<Cell> sorted = cells.stream().sorted(order.thenComparing(c -> c.key().contestant())).toList();
        double best = metric.apply(sorted.get(0)).median();
        List<RankedCell> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Cell cell = sorted.get(i);
            Spread s = metric.apply(cell);
            boolean tied = i > 0 && s.overlaps(metric.apply(sorted.get(i - 1)));
            int rank = tied ? rows.get(i - 1).rank() : i + 1;
            List<String> overlapping = sorted.stream().filter(o -> o != cell && metric.apply(o).overlaps(s))
                    .map(o -> o.key().contestant()).toList();
            double ratio = best == 0 ? 0 : s.median() / best;
            rows.add(new RankedCell(cell, rank, tied, ratio, overlapping));
        }
        return new WorkloadTable(workload, level, rankBy, rows);
    }

    static LatencyCurve curve(Cell cell, Function<Trial, Optional<Histogram>> histograms) {
        Histogram merged = null;
        for (Trial t : cell.trials()) {
            Optional<Histogram> h = histograms.apply(t);
            if (h.isEmpty()) {
                merged = null;
                break;
            }
            if (merged == null) {
                merged = new Histogram(h.get().getNumberOfSignificantValueDigits());
            }
            merged.add(h.get());
        }
        List<LatencyCurve.Point> points = new ArrayList<>();
        if (merged != null && merged.getTotalCount() > 0) {
            for (double p : CURVE_PERCENTILES) {
                points.add(new LatencyCurve.Point(p, merged.getValueAtPercentile(p)));
            }
            return new LatencyCurve(cell.key(), LatencyCurve.Source.HISTOGRAM, points, merged.getMaxValue());
        }
        List<Trial> trials = cell.trials();
        points.add(new LatencyCurve.Point(50, Math.round(cell.p50().median())));
        points.add(new LatencyCurve.Point(75, Math.round(spread(trials, t -> t.latencyMicros().p75()).median())));
        points.add(new LatencyCurve.Point(90, Math.round(cell.p90().median())));
        points.add(new LatencyCurve.Point(99, Math.round(cell.p99().median())));
        points.add(new LatencyCurve.Point(99.9, Math.round(cell.p999().median())));
        points.add(new LatencyCurve.Point(99.99, Math.round(spread(trials, t -> t.latencyMicros().p9999()).median())));
        long max = trials.stream().mapToLong(t -> t.latencyMicros().max()).max().orElse(0);
        return new LatencyCurve(cell.key(), LatencyCurve.Source.SUMMARY, points, max);
    }
}
