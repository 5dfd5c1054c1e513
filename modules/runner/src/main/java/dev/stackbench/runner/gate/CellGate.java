package dev.stackbench.runner.gate;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.analysis.Spread;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.results.LoadLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code stackbench load}'s thresholds applied to a run's cells, for CI: each threshold to every
 * cell (or, with a kind, to the cells of that workload), on the cell's figure across its ranked
 * trials (the median, as the tables show it). A cell without enough evidence fails: a percentile
 * that too few values back, or a {@code <} bound on a percentile that is only a lower bound
 * (censored values), cannot pass.
 */
public final class CellGate {

    /** The metrics a run keeps per cell; thresholds on others are refused before anything starts. */
    public static final List<Threshold.Metric> METRICS = List.of(Threshold.Metric.P50, Threshold.Metric.P90,
            Threshold.Metric.P99, Threshold.Metric.P999, Threshold.Metric.MEAN, Threshold.Metric.ERRORS, Threshold.Metric.RATE,
            Threshold.Metric.RPS);

    private CellGate() {
    }

    /**
     * How one threshold fared on one cell.
     *
     * @param threshold the criterion
     * @param cell the cell's contestant, workload and level, e.g. {@code fastify json 100 connections}
     * @param actual the cell's figure in the threshold's unit (µs, a fraction, req/s); NaN when it has none
     * @param interval the figure's 95% interval, when it has one
     * @param why why it failed without a figure (too few values, a lower bound), else empty
     * @param passed whether it held
     */
    public record Outcome(Threshold threshold, String cell, double actual, Optional<String> interval, Optional<String> why,
                          boolean passed) {

        /** @return e.g. {@code FAIL p99<50ms  django json 100 connections: 61.2 ms (55.0 ms–70.1 ms)} */
        public String describe() {
            String value = Double.isNaN(actual) ? why.orElse("nothing to measure") : format(threshold.metric(), actual)
                    + interval.map(i -> " (95% CI " + i + ")").orElse("") + why.map(w -> "; " + w).orElse("");
            return (passed ? "PASS " : "FAIL ") + threshold + "  " + cell + ": " + value;
        }
    }

    /**
     * @throws IllegalArgumentException when a threshold uses a metric runs do not keep per cell, with
     *     the metrics they do keep
     */
    public static void requireSupported(List<Threshold> thresholds) {
        for (Threshold t : thresholds) {
            if (!METRICS.contains(t.metric())) {
                throw new IllegalArgumentException("--threshold '" + t + "': a run keeps no " + t.metric().label()
                        + " per cell; expected one of " + String.join(", ", METRICS.stream().map(Threshold.Metric::label).toList()));
            }
        }
    }

    /** @return every threshold on every cell it applies to, in threshold then table order */
    public static List<Outcome> check(Analysis analysis, List<Threshold> thresholds) {
        requireSupported(thresholds);
        List<Outcome> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            for (Cell c : analysis.cells()) {
                if (!t.kind().isEmpty() && !t.kind().equals(c.key().workload())) {
                    continue;
                }
                if (t.metric() == Threshold.Metric.RATE && !(c.key().level() instanceof LoadLevel.Open)) {
                    continue;
                }
                out.add(outcome(t, c));
            }
        }
        return out;
    }

    /** @return whether every outcome passed (true for none) */
    public static boolean passed(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(Outcome::passed);
    }

    private static Outcome outcome(Threshold t, Cell c) {
        String cell = c.key().contestant() + " " + c.key().workload() + " " + c.key().level().describe();
        return switch (t.metric()) {
            case P50 -> percentile(t, cell, c.p50());
            case P90 -> percentile(t, cell, c.p90());
            case P99 -> percentile(t, cell, c.p99());
            case P999 -> percentile(t, cell, c.p999());
            case MEAN -> spread(t, cell, c.meanLatency(), 1);
            case ERRORS -> new Outcome(t, cell, c.errorRate(), Optional.empty(), Optional.empty(), t.holds(c.errorRate()));
            case RATE -> spread(t, cell, c.achievedRate(), ((LoadLevel.Open) c.key().level()).ratePerSecond());
            case RPS -> spread(t, cell, c.throughput(), 1);
            default -> throw new IllegalArgumentException("a run keeps no " + t.metric().label() + " per cell");
        };
    }

    private static Outcome percentile(Threshold t, String cell, PercentileFigure p) {
        if (!p.supported()) {
            return new Outcome(t, cell, Double.NaN, Optional.empty(), Optional.of("too few values for " + p.name() + " (the smallest trial recorded "
                    + String.format(Locale.ROOT, "%,d", p.minCount()) + ", it needs " + String.format(Locale.ROOT, "%,d", PercentileFigure.needed(p.percentile()))
                    + "): measure longer"), false);
        }
        Outcome o = spread(t, cell, p.value(), 1);
        if (p.lowerBound() && (t.op() == Threshold.Operator.LT || t.op() == Threshold.Operator.LE)) {
            // censored values (timeouts, unsent) may lie anywhere above: an upper bound cannot be shown to hold
            return new Outcome(t, cell, o.actual(), o.interval(), Optional.of("a lower bound (censored values: timeouts or unsent)"), false);
        }
        return o;
    }

    /** The spread's median over {@code per} (1, or the offered rate for {@code rate}). */
    private static Outcome spread(Threshold t, String cell, Spread s, double per) {
        double actual = s.median() / per;
        Optional<String> interval = s.interval().map(i -> format(t.metric(), i.low() / per) + "–" + format(t.metric(), i.high() / per));
        return new Outcome(t, cell, actual, interval, Optional.empty(), t.holds(actual));
    }

    private static String format(Threshold.Metric m, double v) {
        if (m.isLatency()) {
            return DurationFormat.micros(v);
        }
        return switch (m) {
            case ERRORS -> String.format(Locale.ROOT, "%.3f%%", v * 100);
            case RATE -> String.format(Locale.ROOT, "%.3f", v);
            default -> RateFormat.format(v);
        };
    }
}
