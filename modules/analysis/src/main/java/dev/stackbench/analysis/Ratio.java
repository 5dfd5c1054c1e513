package dev.stackbench.analysis;

import dev.stackbench.results.Trial;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A ratio of two metrics (X over Y) with its {@value Spread#CONFIDENCE_PERCENT}% confidence
 * interval, and how it was estimated.
 *
 * @param estimate the point estimate: the geometric mean of the per-round ratios (paired), or the
 *     ratio of the geometric means (unpaired); the centre of the interval on a log scale
 * @param interval the confidence interval, or empty when there are too few values (see
 *     {@link Method})
 * @param n paired: the rounds paired; unpaired: the smaller side's trial count; 1 for {@link #ONE}
 * @param method how
 */
public record Ratio(double estimate, Optional<Interval> interval, int n, Method method) {

    /** X over itself. */
    public static final Ratio ONE = new Ratio(1.0, Optional.empty(), 1, Method.IDENTITY);

    /** How a ratio was estimated. */
    public enum Method {
        /**
         * Contestants of one run: trials paired by round, t-interval on the logs of the per-round
         * ratios (machine drift hits both sides of a pair alike and cancels). Needs 2 pairs.
         */
        PAIRED_ROUNDS,
        /** Two independent samples (two runs, or too few common rounds): Welch's t-interval on the logs. */
        UNPAIRED,
        /** The reference itself: exactly 1, no interval. */
        IDENTITY
    }

    /** @return whether the interval exists and excludes 1 (X and Y differ at the confidence level) */
    public boolean excludesOne() {
        return interval.map(i -> !i.contains(1.0)).orElse(false);
    }

    /**
     * @param margin the equivalence margin, e.g. 0.05
     * @return whether the interval exists and lies within [1/(1+margin), 1+margin]: equal for any
     *     practical purpose
     */
    public boolean withinMargin(double margin) {
        return interval.map(i -> i.within(1 / (1 + margin), 1 + margin)).orElse(false);
    }

    /**
     * X over Y on a per-trial metric of two cells of one run, their ranked trials paired by round
     * (as the rankings pair them); unpaired with fewer than two common rounds.
     *
     * @param metric a positive per-trial figure, e.g. {@code Trial::throughputPerSecond}
     */
    public static Ratio between(Cell x, Cell y, ToDoubleFunction<Trial> metric) {
        int rounds = java.util.stream.Stream.concat(x.ranked().stream(), y.ranked().stream())
                .mapToInt(Trial::round).max().orElse(0);
        return paired(Ranking.byRound(x, metric, rounds), Ranking.byRound(y, metric, rounds));
    }

    /**
     * X over Y, pairing X's value in each round with Y's value in that round.
     *
     * @param x X's values by round, {@code NaN} where X has no usable trial in that round
     * @param y Y's values by round, same length
     * @return the paired ratio when at least two rounds pair up; otherwise the unpaired one
     */
    static Ratio paired(double[] x, double[] y) {
        int pairs = 0;
        for (int r = 0; r < x.length; r++) {
            if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
                pairs++;
            }
        }
        if (pairs >= 2) {
            double[] ratios = new double[pairs];
            int i = 0;
            for (int r = 0; r < x.length; r++) {
                if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
                    ratios[i++] = x[r] / y[r];
                }
            }
            Optional<LogSample> s = LogSample.of(ratios);
            if (s.isPresent()) {
                return new Ratio(Math.exp(s.get().mean()), s.get().interval(Spread.CONFIDENCE), pairs,
                        Method.PAIRED_ROUNDS);
            }
        }
        return unpaired(present(x), present(y));
    }

    /** X over Y from two independent samples: ratio of geometric means, Welch's interval on the logs. */
    static Ratio unpaired(double[] x, double[] y) {
        Optional<LogSample> sx = LogSample.of(x);
        Optional<LogSample> sy = LogSample.of(y);
        if (sx.isEmpty() || sy.isEmpty()) {
            return new Ratio(Double.NaN, Optional.empty(), 0, Method.UNPAIRED);
        }
        return new Ratio(Math.exp(sx.get().mean() - sy.get().mean()),
                sx.get().ratioInterval(sy.get(), Spread.CONFIDENCE), Math.min(x.length, y.length), Method.UNPAIRED);
    }

    private static double[] present(double[] byRound) {
        return Arrays.stream(byRound).filter(v -> !Double.isNaN(v)).toArray();
    }
}
