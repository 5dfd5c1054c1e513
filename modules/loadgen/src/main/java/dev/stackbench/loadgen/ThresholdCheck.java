package dev.stackbench.loadgen;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Evaluates {@link Threshold}s on the figures of the whole run or of one request kind. Stateless.
 */
final class ThresholdCheck {

    /**
     * What a threshold is compared with, for one scope (the run, or one kind).
     *
     * @param latency       every latency of the scope, microseconds, censored values included
     * @param errors        its errors of every class
     * @param ratePerSecond completions inside the window per second
     * @param targetPerSecond open model: the scope's target rate (the run's, times the kind's share); 0 in closed model
     * @param responses     the responses' latencies alone (no censored value), microseconds; null when none is censored
     */
    record Figures(LatencySummary latency, long errors, double ratePerSecond, double targetPerSecond, Histogram responses) {
        Figures(LatencySummary latency, long errors, double ratePerSecond, double targetPerSecond) {
            this(latency, errors, ratePerSecond, targetPerSecond, null);
        }
    }

    private ThresholdCheck() {
    }

    /**
     * @param run    the whole run's figures
     * @param byKind each kind's figures, by kind name (empty for a single kind: its figures are the run's)
     */
    static List<ThresholdResult> evaluate(List<Threshold> thresholds, Figures run, java.util.Map<String, Figures> byKind) {
        List<ThresholdResult> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            Figures f = t.kind().isEmpty() ? run : byKind.getOrDefault(t.kind(), run);
            out.add(evaluate(t, f));
        }
        return out;
    }

    static ThresholdResult evaluate(Threshold t, Figures f) {
        LatencySummary l = f.latency();
        double actual;
        boolean lowerBound = false;
        Threshold.Metric m = t.metric();
        if (m.isLatency()) {
            if (l.count() == 0) {
                return new ThresholdResult(t, Double.NaN, false, false);
            }
            actual = switch (m) {
                case P50 -> l.p50Micros();
                case P75 -> l.p75Micros();
                case P90 -> l.p90Micros();
                case P99 -> l.p99Micros();
                case P999 -> l.p999Micros();
                case P9999 -> l.p9999Micros();
                case MAX -> l.maxMicros();
                default -> l.meanMicros();
            };
            lowerBound = m.percentile() >= 0 && m.percentile() < 100 ? l.isLowerBound(m.percentile()) : l.censored() > 0;
        } else if (m == Threshold.Metric.ERRORS) {
            if (l.count() == 0) {
                return new ThresholdResult(t, Double.NaN, false, false);
            }
            actual = (double) f.errors() / l.count();
        } else if (m == Threshold.Metric.RATE) {
            actual = f.targetPerSecond() > 0 ? f.ratePerSecond() / f.targetPerSecond() : Double.NaN;
        } else {
            actual = f.ratePerSecond();
        }
        boolean passed = !Double.isNaN(actual) && t.holds(actual);
        if (passed && m.isLatency() && t.op().upperBound() && l.censored() > 0) {
            // passes only if it would whatever the censored values' true latencies: with them all
            // above any bound, the value at the same rank comes from the responses alone
            passed = t.holds(pessimistic(m, l, f.responses()));
        }
        return new ThresholdResult(t, actual, lowerBound, passed);
    }

    /** @return the metric with every censored value taken as infinitely late (infinity when its rank falls among them) */
    private static double pessimistic(Threshold.Metric m, LatencySummary l, Histogram responses) {
        if (m == Threshold.Metric.MAX || m == Threshold.Metric.MEAN || responses == null || responses.getTotalCount() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        long rank = Math.max(1, (long) Math.ceil(m.percentile() / 100.0 * l.count()));
        if (rank > responses.getTotalCount()) {
            return Double.POSITIVE_INFINITY;
        }
        return responses.getValueAtPercentile(100.0 * rank / responses.getTotalCount());
    }
}
