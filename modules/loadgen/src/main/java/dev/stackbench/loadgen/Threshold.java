package dev.stackbench.loadgen;

import java.util.Locale;

/**
 * A pass/fail criterion on a run's result, for CI: {@code p99<50ms}, {@code errors<0.1%},
 * {@code rate>=0.97}, or one request kind's, {@code json:p99<10ms}. Evaluated at the end
 * ({@link ThresholdResult}); with {@link LoadSpec#abortOnFail()} also once a second on what the
 * window holds so far, and the run ends early when one fails.
 *
 * @param kind   the request kind it applies to ({@link RequestKind#name()}), or empty for the whole run
 * @param metric what is compared
 * @param op     how
 * @param bound  the bound, in the metric's unit: microseconds for latencies, a fraction 0..1 for
 *               {@code errors} and {@code rate}, requests/s for {@code rps}
 */
public record Threshold(String kind, Metric metric, Operator op, double bound) {

    /** What a threshold compares. */
    public enum Metric {
        P50("p50", 50), P75("p75", 75), P90("p90", 90), P99("p99", 99), P999("p99.9", 99.9), P9999("p99.99", 99.99),
        MAX("max", 100), MEAN("mean", -1),
        /** errors of every class / requests intended in the window (as the summary's error rate) */
        ERRORS("errors", -1),
        /** open model: achieved / target rate */
        RATE("rate", -1),
        /** completions inside the window per second */
        RPS("rps", -1);

        private final String label;
        private final double percentile;

        Metric(String label, double percentile) {
            this.label = label;
            this.percentile = percentile;
        }

        /** @return how thresholds write it, e.g. {@code p99.9} */
        public String label() {
            return label;
        }

        /** @return 0..100 for a percentile (100: max), -1 otherwise */
        public double percentile() {
            return percentile;
        }

        /** @return whether the metric is a latency, microseconds */
        public boolean isLatency() {
            return percentile >= 0 || this == MEAN;
        }
    }

    /** A comparison. */
    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double actual, double bound) {
            return switch (this) {
                case LT -> actual < bound;
                case LE -> actual <= bound;
                case GT -> actual > bound;
                case GE -> actual >= bound;
            };
        }

        /** @return whether a larger actual value can only make it fail (a lower bound then decides a fail) */
        boolean upperBound() {
            return this == LT || this == LE;
        }
    }

    public Threshold {
        kind = kind == null ? "" : kind;
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("threshold bound must be finite, got " + bound);
        }
    }

    /** @return whether it compares an actual value {@code actual} as passing */
    public boolean holds(double actual) {
        return op.holds(actual, bound);
    }

    @Override
    public String toString() {
        String value;
        if (metric.isLatency()) {
            value = bound >= 1000 && bound % 1000 == 0 ? (long) (bound / 1000) + "ms" : formatNumber(bound) + "us";
        } else if (metric == Metric.ERRORS) {
            value = formatNumber(bound * 100) + "%";
        } else {
            value = formatNumber(bound);
        }
        return (kind.isEmpty() ? "" : kind + ":") + metric.label() + op.symbol() + value;
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%s", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
