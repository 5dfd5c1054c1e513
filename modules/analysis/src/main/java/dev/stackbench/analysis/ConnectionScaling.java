package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One contestant's connection scaling on one workload: its closed-model cells from the fewest to
 * the most connections side by side, and its server memory per open connection.
 *
 * <p>Which trials count: every trial the run recorded as valid ({@code Trial.invalid} empty: no
 * crash, no lost database, the generator not the bottleneck), including those the tables leave
 * unranked for their error rate. Under many connections failing is the result itself: a worker
 * model that times out at 1,000 connections must show as such here, not vanish. Figures per point
 * are medians across those trials; p99 includes the censored values (timeouts) at their censored
 * value, so a p99 at the timeout is a lower bound ({@link Point#p99Censored()}).
 *
 * <p>Memory per connection: in each round, (mean memory at the most connections - the contestant's
 * idle memory, measured once after its start) / the most connections, bytes; its median and 95%
 * interval over the rounds ({@link Spread#of}). It is an upper bound of what a connection costs:
 * it includes whatever the load left allocated. Not the difference between the counts: contestants
 * stay up between rounds, and an allocator that keeps what it once took (CPython's, the JVM's heap)
 * shows the same memory at 10 connections in round 2 as at 1000 in round 1, a difference of 0 that
 * says nothing. A worker that holds no connection open beyond the one it serves (a sync worker; the
 * rest wait in the kernel's accept queue, outside the process) shows about 0, or a negative value
 * within the monitor's noise.
 *
 * @param contestant the contestant id
 * @param workload the workload ({@code json}, {@code io}, ...)
 * @param points one per connection count, ascending
 * @param memoryPerConnectionByRound bytes per connection in each round, index = round - 1,
 *     {@code NaN} where the round lacks a valid trial at the most connections or the idle memory is unknown
 * @param memoryPerConnection the median and interval of the rounds' values, bytes; empty without a round
 */
public record ConnectionScaling(String contestant, String workload, List<Point> points, double[] memoryPerConnectionByRound,
                                Optional<Spread> memoryPerConnection) {
    /** The workloads connection scaling reads. */
    public static final List<String> WORKLOADS = List.of("json", "io");

    public ConnectionScaling {
        points = List.copyOf(points);
        memoryPerConnectionByRound = memoryPerConnectionByRound.clone();
    }

    @Override
    public double[] memoryPerConnectionByRound() {
        return memoryPerConnectionByRound.clone();
    }

    /**
     * One connection count.
     *
     * @param connections the closed-model level's connections
     * @param trials the valid trials, in trial order; at least one
     * @param throughput successful responses per second
     * @param p99Micros median of the trials' p99, censored values included, µs
     * @param p99Censored whether that p99 lies at or above the first censored rank in most trials
     *     (then it is a lower bound: at least the timeout)
     * @param errorRate median of the trials' error rates, 0..1
     * @param memoryBytes median of the trials' mean server memory, bytes
     */
    public record Point(int connections, List<Trial> trials, Spread throughput, double p99Micros, boolean p99Censored,
                        double errorRate, double memoryBytes) {
        public Point {
            trials = List.copyOf(trials);
        }

        /** @return the trials' values of {@code metric} by round, index = round - 1, NaN where none */
        public double[] byRound(java.util.function.ToDoubleFunction<Trial> metric, int rounds) {
            double[] out = new double[rounds];
            Arrays.fill(out, Double.NaN);
            for (Trial t : trials) {
                if (t.round() >= 1 && t.round() <= rounds) {
                    out[t.round() - 1] = metric.applyAsDouble(t);
                }
            }
            return out;
        }
    }

    /** @return the point with the most connections */
    public Point top() {
        return points.get(points.size() - 1);
    }

    /** @return the point with the fewest connections */
    public Point bottom() {
        return points.get(0);
    }

    /** @return the highest round number among the points' trials */
    public int rounds() {
        return points.stream().flatMap(p -> p.trials().stream()).mapToInt(Trial::round).max().orElse(0);
    }

    /**
     * @return every contestant x workload of {@link #WORKLOADS} with valid closed-model trials at two
     *     or more connection counts, in the order of the trials
     */
    public static List<ConnectionScaling> of(List<Trial> trials, java.util.function.Function<String, Optional<Long>> idleBytes) {
        Map<String, TreeMap<Integer, List<Trial>>> byCell = new LinkedHashMap<>();
        for (Trial t : trials) {
            if (WORKLOADS.contains(t.workload()) && t.level() instanceof LoadLevel.Closed c && t.invalid().isEmpty()) {
                byCell.computeIfAbsent(t.contestant() + "\n" + t.workload(), k -> new TreeMap<>())
                        .computeIfAbsent(c.connections(), k -> new ArrayList<>()).add(t);
            }
        }
        List<ConnectionScaling> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, List<Trial>>> e : byCell.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            String[] key = e.getKey().split("\n", 2);
            List<Point> points = new ArrayList<>();
            e.getValue().forEach((n, ts) -> points.add(point(n, ts)));
            out.add(scaling(key[0], key[1], points, idleBytes.apply(key[0])));
        }
        return out;
    }

    private static ConnectionScaling scaling(String contestant, String workload, List<Point> points, Optional<Long> idle) {
        Point high = points.get(points.size() - 1);
        int rounds = points.stream().flatMap(p -> p.trials().stream()).mapToInt(Trial::round).max().orElse(0);
        double[] hi = high.byRound(t -> t.server().rssMeanBytes(), rounds);
        double[] perConnection = new double[rounds];
        List<Double> present = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            perConnection[r] = idle.isEmpty() ? Double.NaN : (hi[r] - idle.get()) / high.connections();
            if (!Double.isNaN(perConnection[r])) {
                present.add(perConnection[r]);
            }
        }
        return new ConnectionScaling(contestant, workload, points, perConnection,
                present.isEmpty() ? Optional.empty() : Optional.of(Spread.of(present)));
    }

    private static Point point(int connections, List<Trial> trials) {
        List<Trial> ts = trials.stream().sorted(Comparator.comparingInt(Trial::round)).toList();
        double p99 = median(ts.stream().map(t -> (double) t.latencyMicros().p99()).toList());
        long censored = ts.stream().filter(ConnectionScaling::p99Censored).count();
        double errors = median(ts.stream().map(TrialCheck::errorRate).toList());
        double memory = median(ts.stream().map(t -> (double) t.server().rssMeanBytes()).toList());
        return new Point(connections, ts, Spread.of(ts.stream().map(Trial::throughputPerSecond).toList()), p99, censored * 2 > ts.size(),
                errors, memory);
    }

    /** @return whether the trial's p99 lies at or above its first censored rank (a lower bound) */
    public static boolean p99Censored(Trial t) {
        long count = t.latencyMicros().count();
        return count > 0 && t.latencyMicros().censored() > 0 && 0.99 * count >= count - t.latencyMicros().censored();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
