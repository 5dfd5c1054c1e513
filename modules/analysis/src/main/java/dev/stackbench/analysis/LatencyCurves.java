package dev.stackbench.analysis;

import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** Builds a cell's latency curve from its ranked trials' interval logs, or their summaries. */
final class LatencyCurves {

    /** Percentiles of the latency curves: HdrHistogram's half-distance ticks, one per half. */
    static final double[] CURVE_PERCENTILES = {
        0, 25, 50, 75, 87.5, 90, 95, 97.5, 99, 99.5, 99.75, 99.9, 99.95, 99.975, 99.99, 99.995, 99.9975, 99.999};

    private LatencyCurves() {
    }

    static LatencyCurve curve(Cell cell, Function<Trial, Optional<Histogram>> histograms) {
        Histogram merged = null;
        for (Trial t : cell.ranked()) {
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
        List<Trial> trials = cell.ranked();
        points.add(new LatencyCurve.Point(50, Math.round(cell.p50().value().median())));
        points.add(new LatencyCurve.Point(75, Math.round(Analyzer.spread(trials, t -> t.latencyMicros().p75()).median())));
        points.add(new LatencyCurve.Point(90, Math.round(cell.p90().value().median())));
        points.add(new LatencyCurve.Point(99, Math.round(cell.p99().value().median())));
        points.add(new LatencyCurve.Point(99.9, Math.round(cell.p999().value().median())));
        points.add(new LatencyCurve.Point(99.99,
                Math.round(Analyzer.spread(trials, t -> t.latencyMicros().p9999()).median())));
        long max = trials.stream().mapToLong(t -> t.latencyMicros().max()).max().orElse(0);
        return new LatencyCurve(cell.key(), LatencyCurve.Source.SUMMARY, points, max);
    }
}
