package dev.stackbench.analysis.advise;

import dev.stackbench.analysis.Interval;
import java.util.List;
import java.util.Optional;

/**
 * What the runs say about one contestant's capacity on one workload at the profile's p99 target
 * ({@link CapacityRule}). Rates are requests per second per core of the server's CPU set.
 */
public sealed interface Capacity {

    /**
     * The highest open-model rate whose p99 interval's upper end stays under the target.
     *
     * @param perCore that offered rate / the server's cores, req/s per core
     * @param interval the 95% interval of the achieved rate there, per core; empty with one trial
     * @param offeredPerSecond the offered rate of that level, req/s
     * @param serverCores cores of the server's CPU set in that run
     * @param p99Micros median p99 there, µs
     * @param p99HighMicros the upper end of its interval (the median with one trial), µs
     * @param missedAbovePerCore the next measured rate above it, per core, whose p99 missed the target;
     *     empty when none was measured above (the capacity may be higher)
     * @param rssPeakBytes the contestant's peak memory at that level, bytes
     * @param noInterval true when the level had one ranked trial: the median stood in for the interval
     * @param kinds for a request mix's cells (workload {@value dev.stackbench.results.Plan#MIX}): each kind's p99
     *     at that level, in the mix's order; empty for a workload measured alone
     */
    record Measured(double perCore, Optional<Interval> interval, double offeredPerSecond, int serverCores,
            long p99Micros, long p99HighMicros, Optional<Double> missedAbovePerCore, long rssPeakBytes,
            boolean noInterval, List<KindP99> kinds) implements Capacity {
        public Measured {
            kinds = List.copyOf(kinds);
        }
    }

    /**
     * One kind of a request mix at the capacity level: what its own requests saw there.
     *
     * @param kind the kind's name: its workload ({@code user}, {@code io}, ...)
     * @param share its share of the mix's requests by weight, 0..1
     * @param p99Micros the median across the level's ranked trials of the kind's p99 (every request of the kind,
     *     any status, with its censored values), µs
     * @param lowerBound whether in a trial that p99 falls on censored values (only "at least this long")
     * @param values the fewest values of the kind any of those trials recorded: a p99 needs 1,000
     *     ({@link #supported()}); a trial long enough for the mix's p99 may hold too few of a small share
     */
    record KindP99(String kind, double share, long p99Micros, boolean lowerBound, long values) {
        /** @return whether every trial recorded enough values of the kind for its p99 to be printed */
        public boolean supported() {
            return values >= dev.stackbench.analysis.PercentileFigure.needed(99);
        }
    }

    /**
     * A stated estimate from the closed model, for a workload measured without open-model levels:
     * the throughput of the busiest closed level whose p99 interval stays under the target. Closed-model
     * latency hides the queueing an arrival rate causes, so it is labelled as an estimate everywhere.
     *
     * @param perCore that level's median req/s / the server's cores
     * @param interval its 95% interval, per core
     * @param connections the closed level's connections
     * @param serverCores cores of the server's CPU set
     * @param p99Micros median p99 there, µs
     * @param rssPeakBytes peak memory there, bytes
     */
    record Estimated(double perCore, Optional<Interval> interval, int connections, int serverCores, long p99Micros,
            long rssPeakBytes) implements Capacity {
    }

    /**
     * Open-model levels were measured and none met the target.
     *
     * @param bestP99Micros the lowest median p99 of any measured open level, µs
     * @param bestP99HighMicros the upper end of that p99's 95% interval (the median with one trial), µs: the
     *     rule needs it under the target, so a median under the target can still miss it
     * @param atPerSecond the offered rate it was measured at, req/s
     * @param lowerBound whether that p99 is only a lower bound (censored values)
     * @param measuredLevels how many open levels were measured
     */
    record Unmet(long bestP99Micros, long bestP99HighMicros, double atPerSecond, boolean lowerBound, int measuredLevels) implements Capacity {
    }

    /**
     * Nothing in the runs answers the question for this workload.
     *
     * @param reason one sentence, e.g. {@code no cell of workload io in these runs}
     */
    record NotMeasurable(String reason) implements Capacity {
    }
}
