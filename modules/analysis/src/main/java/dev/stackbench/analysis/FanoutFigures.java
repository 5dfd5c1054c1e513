package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one {@code realtime} (WebSocket fan-out) cell beyond its table row: the row has
 * deliveries per second as throughput and the delivery latency percentiles; these are the
 * fan-out's own. Every figure is over the cell's ranked trials.
 *
 * @param cell the ranked cell (workload {@code realtime}, a {@link LoadLevel.Fanout} level)
 * @param level its level
 * @param lastSubscriberP50 per message, publish to the last subscriber's delivery: the median
 *     across trials of each trial's median, µs, with its support (values = messages)
 * @param lastSubscriberMax the same, each trial's largest, µs
 * @param published messages published, summed
 * @param owed deliveries owed (published x connected subscribers), summed
 * @param missing deliveries owed and never received, summed
 * @param connectErrors subscribers that did not connect, summed
 * @param memoryPerConnectionBytes per trial, (mean memory under load - idle memory) / connected
 *     subscribers, bytes; empty when the contestant's idle memory is unknown
 */
public record FanoutFigures(Cell cell, LoadLevel.Fanout level, PercentileFigure lastSubscriberP50, Spread lastSubscriberMax,
                            long published, long owed, long missing, long connectErrors, Optional<Spread> memoryPerConnectionBytes) {

    /** @return the fan-out figures of {@code cell}, empty unless it is a fan-out cell whose trials carry their detail */
    public static Optional<FanoutFigures> of(Cell cell) {
        if (!(cell.key().level() instanceof LoadLevel.Fanout level)
                || !cell.ranked().stream().allMatch(t -> t.detail() instanceof TrialDetail.Fanout)) {
            return Optional.empty();
        }
        List<Trial> ranked = cell.ranked();
        PercentileFigure p50 = PercentileFigure.of("p50", 50, ranked, t -> fanout(t).lastSubscriberMicros(),
                dev.stackbench.results.Percentiles::p50);
        Spread max = Spread.of(ranked.stream().map(t -> (double) fanout(t).lastSubscriberMicros().max()).toList());
        long published = ranked.stream().mapToLong(t -> fanout(t).published()).sum();
        long owed = ranked.stream().mapToLong(t -> fanout(t).published() * fanout(t).connected()).sum();
        long missing = ranked.stream().mapToLong(t -> fanout(t).missing()).sum();
        long connect = ranked.stream().mapToLong(t -> t.errors().connect()).sum();
        Long idle = cell.contestant().idleRssBytes();
        Optional<Spread> perConnection = idle == null || ranked.stream().anyMatch(t -> fanout(t).connected() == 0) ? Optional.empty()
                : Optional.of(Spread.of(ranked.stream()
                        .map(t -> (double) (t.server().rssMeanBytes() - idle) / fanout(t).connected()).toList()));
        return Optional.of(new FanoutFigures(cell, level, p50, max, published, owed, missing, connect, perConnection));
    }

    /** @return missing / owed deliveries, 0..1 (0 when none were owed) */
    public double missingFraction() {
        return owed == 0 ? 0 : (double) missing / owed;
    }

    private static TrialDetail.Fanout fanout(Trial t) {
        return (TrialDetail.Fanout) t.detail();
    }
}
