package dev.stackbench.runner.diff;

import dev.stackbench.config.RateFormat;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.analysis.diff.LoadRound;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.RequestKind;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Runs the {@code --load} trials: in each round one trial of the old and one of the new backend,
 * back to back, in the plan's order, so that a drift of the machine's speed hits both sides of a
 * round alike and cancels in the per-round ratio (docs/reports.md, paired by round).
 */
public final class LoadTrials {

    /**
     * What was measured.
     *
     * @param old    old backend's trials, by round
     * @param neu    new backend's trials, by round
     * @param orders each round's order, e.g. {@code [old, new]}
     */
    public record Measured(List<LoadRound> old, List<LoadRound> neu, List<List<String>> orders) {
        public Measured {
            old = List.copyOf(old);
            neu = List.copyOf(neu);
            orders = List.copyOf(orders);
        }
    }

    private LoadTrials() {
    }

    /**
     * @param say one line per trial for people, e.g. {@code round 2/6: new 14,210 req/s}
     * @throws InterruptedException when interrupted
     */
    public static Measured run(LoadPlan plan, Backend old, Backend neu, Consumer<String> say) throws InterruptedException {
        Random random = new Random(plan.seed());
        List<LoadRound> a = new ArrayList<>();
        List<LoadRound> b = new ArrayList<>();
        List<List<String>> orders = new ArrayList<>();
        for (int round = 1; round <= plan.rounds(); round++) {
            boolean oldFirst = plan.order() == LoadPlan.Order.ALTERNATING ? round % 2 == 1 : random.nextBoolean();
            orders.add(oldFirst ? List.of("old", "new") : List.of("new", "old"));
            for (Backend side : oldFirst ? List.of(old, neu) : List.of(neu, old)) {
                LoadRound r = trial(plan, side, round);
                (side == old ? a : b).add(r);
                say.accept(String.format(java.util.Locale.ROOT, "round %d/%d: %s %s, p99 %s, errors %.1f%%", round,
                        plan.rounds(), side.role().substring(2), RateFormat.format(r.throughputPerSecond()),
                        DurationFormat.micros(r.p99Micros()), 100 * r.errorRate()));
            }
        }
        return new Measured(a, b, orders);
    }

    private static LoadRound trial(LoadPlan plan, Backend side, int round) throws InterruptedException {
        String prefix = side.base().getRawPath() == null ? "" : side.base().getRawPath().replaceAll("/+$", "");
        List<RequestKind> mix = plan.mix().stream()
                .map(k -> new RequestKind(k.name(), k.method(), prefix + k.path(), k.headers(), k.body(), k.weight())).toList();
        LoadSpec.Builder spec = LoadSpec.builder(URI.create(side.base().getScheme() + "://" + side.base().getRawAuthority() + "/"))
                .requests(mix).seed(plan.seed())
                .connections(plan.connections()).threads(Math.min(plan.threads(), plan.connections()))
                .warmup(plan.warmup()).duration(plan.duration()).timeout(plan.timeout()).model(plan.model());
        LoadResult r;
        try {
            r = new LoadGenerator(spec.build()).run(ProgressListener.NONE);
        } catch (UnknownHostException e) {
            throw new UnreachableException(side.role() + " " + side.base() + ": unknown host; correct the URL");
        }
        // success latency with the censored values, as a run records it (docs/reports.md)
        Histogram latency = r.successHistogram().copy();
        latency.add(r.censoredHistogram());
        LatencySummary s = LatencySummary.of(latency, r.censoredHistogram());
        long failed = r.errors().total();
        long attempts = r.requests() + r.errors().connect() + r.errors().read() + r.errors().write() + r.errors().timeout();
        double errorRate = attempts == 0 ? 1 : Math.min(1, (double) failed / attempts);
        // as a trial counts it: successes completed inside the window (open model: of requests intended inside it)
        double ok = r.successThroughput();
        return new LoadRound(round, ok, s.p99Micros(), s.count(), s.isLowerBound(99), errorRate);
    }
}
