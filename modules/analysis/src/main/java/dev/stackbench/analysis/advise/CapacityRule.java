package dev.stackbench.analysis.advise;

import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.Flag;
import dev.stackbench.analysis.Interval;
import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The capacity rule, a pure function: per core of the server's CPU set, the highest measured
 * open-model rate whose p99 interval's upper end stays under the target. A level counts only when
 * its p99 is supported by enough values, is not a lower bound, its error rate is within the error
 * budget and it kept up with the offered rate (not {@link Flag#SATURATED}).
 *
 * <p>Without open-model levels the busiest closed level meeting the same conditions gives a
 * labelled {@link Capacity.Estimated}; without either, {@link Capacity.NotMeasurable}.
 */
public final class CapacityRule {
    /** What a run without the needed levels should do instead. */
    public static final String RUN_MORE = "not measurable from this run: run the full suite or an open-model suite";

    private CapacityRule() {
    }

    /**
     * One cell of one run, with the core count of that run's server CPU set.
     *
     * @param cell the analysed cell
     * @param serverCores cores the contestant was pinned to, >= 1
     */
    public record Sample(Cell cell, int serverCores) {
    }

    /**
     * @param samples every cell of one contestant on one workload (or its request mix), from every run
     * @param targetMicros the p99 target, µs
     * @param errorBudget the largest error rate of a level that counts, 0..1
     */
    public static Capacity of(List<Sample> samples, long targetMicros, double errorBudget) {
        List<Sample> open = samples.stream().filter(s -> s.cell().key().level() instanceof LoadLevel.Open)
                .sorted(Comparator.comparingDouble(CapacityRule::perCore)).toList();
        if (!open.isEmpty()) {
            Optional<Sample> best = open.stream().filter(s -> meets(s.cell(), targetMicros, errorBudget))
                    .max(Comparator.comparingDouble(CapacityRule::perCore));
            if (best.isEmpty()) {
                Sample lowest = open.stream().min(Comparator.comparingDouble(s -> s.cell().p99().value().median()))
                        .orElseThrow();
                PercentileFigure p99 = lowest.cell().p99();
                return new Capacity.Unmet(Math.round(p99.value().median()), Math.round(upper(p99)), offered(lowest), p99.lowerBound(), open.size());
            }
            Sample s = best.get();
            Cell c = s.cell();
            double perCore = perCore(s);
            Optional<Double> missedAbove = open.stream().filter(o -> perCore(o) > perCore)
                    .filter(o -> !meets(o.cell(), targetMicros, errorBudget)).map(CapacityRule::perCore).findFirst();
            return new Capacity.Measured(perCore, perCore(c.throughput().interval(), s.serverCores()), offered(s),
                    s.serverCores(), Math.round(c.p99().value().median()), Math.round(upper(c.p99())), missedAbove,
                    c.rssPeakBytes(), c.p99().value().interval().isEmpty(), kinds(c));
        }
        Optional<Sample> closed = samples.stream().filter(s -> s.cell().key().level() instanceof LoadLevel.Closed)
                .filter(s -> meets(s.cell(), targetMicros, errorBudget))
                .max(Comparator.comparingDouble(s -> s.cell().throughput().median() / s.serverCores()));
        if (closed.isPresent()) {
            Sample s = closed.get();
            Cell c = s.cell();
            return new Capacity.Estimated(c.throughput().median() / s.serverCores(),
                    perCore(c.throughput().interval(), s.serverCores()),
                    ((LoadLevel.Closed) c.key().level()).connections(), s.serverCores(),
                    Math.round(c.p99().value().median()), c.rssPeakBytes());
        }
        return new Capacity.NotMeasurable(samples.isEmpty()
                ? "no cell of this workload in these runs; " + RUN_MORE
                : "only closed-model levels, none with its p99 under the target; " + RUN_MORE);
    }

    /** @return a request mix's kinds at this cell, from its ranked trials' details, in the mix's order; empty for a workload alone */
    static List<Capacity.KindP99> kinds(Cell c) {
        List<TrialDetail.Mix> mixes = c.ranked().stream().map(t -> t.detail() instanceof TrialDetail.Mix m ? m : null)
                .filter(java.util.Objects::nonNull).toList();
        if (mixes.size() != c.ranked().size() || mixes.isEmpty()) {
            return List.of();
        }
        List<Capacity.KindP99> out = new ArrayList<>();
        double total = mixes.get(0).kinds().stream().mapToInt(TrialDetail.Kind::weight).sum();
        for (TrialDetail.Kind k : mixes.get(0).kinds()) {
            List<Trial> with = c.ranked().stream().filter(t -> kind((TrialDetail.Mix) t.detail(), k.name()).isPresent()).toList();
            PercentileFigure p99 = PercentileFigure.of("p99", 99, with,
                    t -> kind((TrialDetail.Mix) t.detail(), k.name()).orElseThrow().latencyMicros(), Percentiles::p99);
            out.add(new Capacity.KindP99(k.name(), k.weight() / total, Math.round(p99.value().median()), p99.lowerBound(),
                    p99.minCount()));
        }
        return out;
    }

    private static Optional<TrialDetail.Kind> kind(TrialDetail.Mix mix, String name) {
        return mix.kinds().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** @return whether the cell's p99 interval stays under the target within the error budget */
    static boolean meets(Cell c, long targetMicros, double errorBudget) {
        PercentileFigure p99 = c.p99();
        return p99.supported() && !p99.lowerBound() && upper(p99) < targetMicros && c.errorRate() <= errorBudget
                && !c.has(Flag.SATURATED);
    }

    private static double upper(PercentileFigure p) {
        return p.value().interval().map(Interval::high).orElse(p.value().median());
    }

    private static double offered(Sample s) {
        return ((LoadLevel.Open) s.cell().key().level()).ratePerSecond();
    }

    private static double perCore(Sample s) {
        return offered(s) / s.serverCores();
    }

    private static Optional<Interval> perCore(Optional<Interval> interval, int cores) {
        return interval.map(i -> new Interval(i.low() / cores, i.high() / cores));
    }
}
