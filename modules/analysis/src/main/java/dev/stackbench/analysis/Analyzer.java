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
 *         trial -> dir.histograms(trial).map(h -> h.of(trial)), AnalysisSettings.DEFAULTS);
 * }</pre>
 */
public final class Analyzer {

    /** The suite whose reports carry the seed-table comparison. */
    public static final String SEED_SUITE = "seed-table";

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
                List<Unranked> unranked = new ArrayList<>();
                for (String id : orderedContestants(run, byCell.keySet())) {
                    CellKey key = new CellKey(id, workload, level);
                    Optional<Contestant> contestant = run.contestant(id);
                    List<Trial> trials = byCell.get(key);
                    if (trials == null || !contestant.map(Contestant::measured).orElse(false)) {
                        continue;
                    }
                    Optional<Cell> cell = cell(key, contestant.get(), trials, settings);
                    if (cell.isPresent()) {
                        cells.add(cell.get());
                    } else {
                        List<Trial> sorted = sorted(trials);
                        unranked.add(new Unranked(key, contestant.get(), sorted, sorted.stream()
                                .map(t -> TrialCheck.exclusion(t, settings).orElseThrow()).toList()));
                    }
                }
                if (!cells.isEmpty() || !unranked.isEmpty()) {
                    WorkloadTable table = Ranking.rank(workload, level, cells, unranked, settings);
                    tables.add(table);
                    table.rows().forEach(r -> curves.add(LatencyCurves.curve(r.cell(), latencyHistograms)));
                }
            }
        }
        List<Contestant> notMeasured = run.contestants().stream().filter(c -> !c.measured()).toList();
        Optional<Drift> drift = Drift.of(run.reference(), settings.driftCv());
        Analysis partial = new Analysis(run, settings, tables, curves, notMeasured, Optional.empty(), drift);
        Optional<SeedComparison> seed = SEED_SUITE.equals(run.suite())
                ? Optional.of(SeedTableCheck.compare(SeedArticle.NODE_VS_PYTHON, partial))
                : Optional.empty();
        return new Analysis(run, settings, tables, curves, notMeasured, seed, drift);
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

    private static List<String> orderedContestants(Run run, Iterable<CellKey> keys) {
        List<String> out = new ArrayList<>(run.plan().contestants());
        for (CellKey k : keys) {
            if (!out.contains(k.contestant())) {
                out.add(k.contestant());
            }
        }
        return out;
    }

    private static List<Trial> sorted(List<Trial> trials) {
        return trials.stream().sorted(Comparator.comparingInt(Trial::trial)).toList();
    }

    /** @return the cell's statistics over its rankable trials, or empty when it has none */
    static Optional<Cell> cell(CellKey key, Contestant contestant, List<Trial> unsorted, AnalysisSettings settings) {
        List<Trial> trials = sorted(unsorted);
        List<Exclusion> excluded = new ArrayList<>();
        List<Trial> ranked = new ArrayList<>();
        for (Trial t : trials) {
            Optional<Exclusion> e = TrialCheck.exclusion(t, settings);
            e.ifPresentOrElse(excluded::add, () -> ranked.add(t));
        }
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Spread throughput = spread(ranked, Trial::throughputPerSecond);
        Spread serviceP99 = ranked.stream().allMatch(t -> t.serviceTimeMicros() != null)
                ? spread(ranked, t -> t.serviceTimeMicros().p99()) : null;
        Spread databaseCpu = ranked.stream().allMatch(t -> t.server().databaseCpuCores() != null)
                ? spread(ranked, t -> t.server().databaseCpuCores()) : null;
        long errors = ranked.stream().mapToLong(t -> t.errors().total()).sum();
        long attempts = ranked.stream().mapToLong(t -> t.requests() + t.errors().connect() + t.errors().read()
                + t.errors().write() + t.errors().timeout()).sum();
        List<Integer> bound = trials.stream().filter(t -> t.generator().bound()).map(Trial::trial).toList();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (!bound.isEmpty()) {
            flags.add(Flag.GENERATOR_BOUND);
        }
        if (trials.stream().anyMatch(t -> Boolean.TRUE.equals(t.generator().lagged()))) {
            flags.add(Flag.GENERATOR_LAG);
        }
        if (trials.stream().anyMatch(t -> t.generator().connectionLimited())) {
            flags.add(Flag.CONNECTION_LIMITED);
        }
        if (throughput.cv() > settings.noisyCv()) {
            flags.add(Flag.NOISY);
        }
        if (errors > 0) {
            flags.add(Flag.ERRORS);
        }
        if (key.level() instanceof LoadLevel.Open open
                && throughput.median() < settings.saturatedBelow() * open.ratePerSecond()
                && !key.workload().equals(Inflation.BLOCKING)) {
            flags.add(Flag.SATURATED);
        }
        // a blocking cell's throughput is its json share's: it is saturated below that share of the rate
        if (key.level() instanceof LoadLevel.Open open && key.workload().equals(Inflation.BLOCKING)
                && throughput.median() < settings.saturatedBelow() * open.ratePerSecond() * jsonShare(ranked)) {
            flags.add(Flag.SATURATED);
        }
        if (key.level() instanceof LoadLevel.Fanout fanout
                && throughput.median() < settings.saturatedBelow() * fanout.expectedDeliveriesPerSecond()) {
            flags.add(Flag.SATURATED);
        }
        if (!excluded.isEmpty()) {
            flags.add(Flag.EXCLUDED);
        }
        return Optional.of(new Cell(key, contestant, trials, ranked, excluded, throughput,
                PercentileFigure.of("p50", 50, ranked, Percentiles::p50),
                PercentileFigure.of("p90", 90, ranked, Percentiles::p90),
                PercentileFigure.of("p99", 99, ranked, Percentiles::p99),
                PercentileFigure.of("p99.9", 99.9, ranked, Percentiles::p999),
                spread(ranked, t -> t.latencyMicros().mean()),
                serviceP99, spread(ranked, t -> t.generator().achievedRate()),
                errors, attempts == 0 ? 0 : (double) errors / attempts,
                spread(ranked, t -> t.server().cpuCores()), databaseCpu,
                ranked.stream().map(t -> t.server().source()).distinct().sorted().toList(),
                Math.round(spread(ranked, t -> t.server().rssMeanBytes()).median()),
                ranked.stream().mapToLong(t -> t.server().rssPeakBytes()).max().orElse(0),
                ranked.stream().mapToLong(Trial::unsent).sum(),
                bound, flags));
    }

    /** @return the json kind's share of a blocking mix's requests, 0..1 (1 without a mix detail) */
    private static double jsonShare(List<Trial> trials) {
        return trials.stream().map(Trial::detail).filter(d -> d instanceof dev.stackbench.results.TrialDetail.Mix)
                .map(d -> (dev.stackbench.results.TrialDetail.Mix) d).findFirst().map(m -> {
                    double total = m.kinds().stream().mapToInt(dev.stackbench.results.TrialDetail.Kind::weight).sum();
                    return m.kinds().stream().filter(k -> k.name().equals("json")).mapToInt(dev.stackbench.results.TrialDetail.Kind::weight)
                            .sum() / total;
                }).orElse(1.0);
    }

    static Spread spread(List<Trial> trials, ToDoubleFunction<Trial> metric) {
        return Spread.of(trials.stream().map(metric::applyAsDouble).toList());
    }
}
