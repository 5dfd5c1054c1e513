package dev.stackbench.analysis;

import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Trial;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One latency percentile of a cell: the median across trials of each trial's percentile, with
 * whether enough responses back it and whether it is only a lower bound.
 *
 * <p>Rule: a percentile p is printed only when every trial recorded at least
 * {@link #needed(double)} = ceil({@value #VALUES_BEYOND} / (1 - p)) values, i.e. at least
 * {@value #VALUES_BEYOND} values lie beyond it (p99 needs 1,000, p99.9 10,000). A percentile at or
 * above a trial's first censored rank ({@code count - censored}) is a lower bound: the timeouts
 * and unsent requests there only say "at least this long".
 *
 * @param name e.g. {@code p99}
 * @param percentile 0..100, e.g. 99.0
 * @param value the trials' values, µs
 * @param minCount the smallest trial's recorded value count
 * @param lowerBound whether in any trial this percentile falls on censored values
 */
public record PercentileFigure(String name, double percentile, Spread value, long minCount, boolean lowerBound) {

    /** How many values must lie beyond a percentile for it to be printed. */
    public static final int VALUES_BEYOND = 10;

    /** @return values a trial needs for percentile {@code percentile} (0..100) to be printed */
    public static long needed(double percentile) {
        double beyond = (100 - percentile) / 100;
        // rounded to 1e-6 first: 10 / 0.001 must be 10,000, not 10,000.000000001
        return beyond <= 0 ? Long.MAX_VALUE : (long) Math.ceil(Math.round(VALUES_BEYOND / beyond * 1e6) / 1e6);
    }

    /** @return whether every trial recorded enough values for this percentile */
    public boolean supported() {
        return minCount >= needed(percentile);
    }

    static PercentileFigure of(String name, double percentile, List<Trial> trials, ToLongFunction<Percentiles> get) {
        return of(name, percentile, trials, Trial::latencyMicros, get);
    }

    /** The same over another of the trials' distributions (e.g. a fan-out's time to the last subscriber, a mix's kind). */
    public static PercentileFigure of(String name, double percentile, List<Trial> trials, java.util.function.Function<Trial, Percentiles> source,
            ToLongFunction<Percentiles> get) {
        Spread value = Spread.of(trials.stream().map(t -> (double) get.applyAsLong(source.apply(t))).toList());
        long minCount = trials.stream().mapToLong(t -> source.apply(t).count()).min().orElse(0);
        boolean lowerBound = trials.stream().map(source).anyMatch(p -> censoredAt(p, percentile));
        return new PercentileFigure(name, percentile, value, minCount, lowerBound);
    }

    /** @return whether the value at {@code percentile} is one of the censored (largest) values */
    static boolean censoredAt(Percentiles p, double percentile) {
        if (p.censored() == 0 || p.count() == 0) {
            return false;
        }
        long rank = (long) Math.ceil(percentile / 100 * p.count() - 1e-9);
        return Math.max(rank, 1) > p.count() - p.censored();
    }
}
