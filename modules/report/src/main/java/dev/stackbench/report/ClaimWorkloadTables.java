package dev.stackbench.report;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.ConnectionScaling;
import dev.stackbench.analysis.FanoutFigures;
import dev.stackbench.analysis.Inflation;
import dev.stackbench.analysis.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections of the two workloads the claims need beyond the ordinary tables: real time
 * (WebSocket fan-out: delivery, the last subscriber, missing deliveries, memory per connection)
 * and event-loop blocking (each contestant's json p99 inflation with /cpu mixed in). Their
 * ordinary tables (deliveries/s and delivery latency; json under the mix) come with the others.
 */
final class ClaimWorkloadTables {
    static final String REALTIME_HEADING = "Real time: WebSocket fan-out";
    static final String BLOCKING_HEADING = "Event-loop blocking: json p99 with /cpu mixed in";
    static final String SCALING_HEADING = "Connection scaling: json and io from few to many connections";
    private static final String DASH = "—";
    private final HumanFormat f;

    ClaimWorkloadTables(HumanFormat format) {
        this.f = format;
    }

    Table realtime(List<FanoutFigures> figures) {
        String ci = Spread.CONFIDENCE_PERCENT + "% CI";
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.right("subscribers"), Table.right("msg/s"),
                Table.right("deliveries/s"), Table.right(ci), Table.right("p50"), Table.right("p99"), Table.right("p99 " + ci),
                Table.right("last subscriber p50"), Table.right("last subscriber max"), Table.right("missing"),
                Table.right("connect errors"), Table.right("CPU cores"), Table.right("memory/connection"), Table.right("trials"));
        List<List<String>> rows = new ArrayList<>();
        for (FanoutFigures x : figures) {
            var c = x.cell();
            rows.add(List.of(c.key().contestant(), f.integer(x.level().subscribers()), f.rate(x.level().publishPerSecond()),
                    f.rate(c.throughput().median()), f.rateInterval(c.throughput()), f.percentile(c.p50()), f.percentile(c.p99()),
                    c.p99().supported() && !c.p99().lowerBound() ? f.latencyInterval(c.p99().value()) : DASH,
                    f.percentile(x.lastSubscriberP50()), f.latency(x.lastSubscriberMax().median()),
                    f.integer(x.missing()) + " (" + f.percent(x.missingFraction(), 2) + ")", f.integer(x.connectErrors()),
                    f.cores(c.cpuCores().median()),
                    x.memoryPerConnectionBytes().map(m -> kib(m.median())).orElse(DASH), c.ranked().size() + "/" + c.trials().size()));
        }
        return new Table(cols, rows);
    }

    List<String> realtimeNotes() {
        return List.of("Every message is owed to every connected subscriber; latency is from its intended publish time"
                        + " (a fixed schedule that never waits for the server) to each delivery. deliveries/s and p99: medians"
                        + " across trials with their " + Spread.CONFIDENCE_PERCENT + "% intervals.",
                "last subscriber: per message, until its last subscriber had it (messages every subscriber received);"
                        + " missing: deliveries owed and not received within 2 s after the window, of all owed.",
                "memory/connection: (memory under load - idle memory) / connected subscribers, median across trials.");
    }

    Table blocking(List<Inflation> inflations) {
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.right("req/s offered"), Table.right("/cpu share"),
                Table.right("json p99 alone"), Table.right("json p99 with /cpu"), Table.right("inflation (CI)"), Table.right("rounds"));
        List<List<String>> rows = new ArrayList<>();
        for (Inflation i : inflations) {
            rows.add(List.of(i.contestant(), f.rate(i.level().ratePerSecond()), i.cpuPercent() + "%", f.percentile(i.alone().p99()),
                    f.percentile(i.mixed().p99()), i.supported() ? f.ratio(i.inflation()) : "n/a (too few values)",
                    Integer.toString(i.inflation().n())));
        }
        return new Table(cols, rows);
    }

    List<String> blockingNotes() {
        return List.of("inflation: json p99 with /cpu mixed in (the json requests' own latency) over json p99 alone at the same"
                + " total rate, per round, then the geometric mean with a " + Spread.CONFIDENCE_PERCENT + "% t-interval on the"
                + " logs (paired by round). 1.00× means /cpu leaves json's tail alone; an event loop that /cpu blocks inflates it.");
    }

    Table scaling(List<ConnectionScaling> series) {
        String ci = Spread.CONFIDENCE_PERCENT + "% CI";
        List<Table.Column> cols = List.of(Table.left("contestant"), Table.left("workload"), Table.right("connections"), Table.right("req/s"),
                Table.right(ci), Table.right("p99"), Table.right("errors"), Table.right("memory"), Table.right("memory/connection"),
                Table.right(ci + " "), Table.right("trials"));
        List<List<String>> rows = new ArrayList<>();
        for (ConnectionScaling s : series) {
            for (ConnectionScaling.Point p : s.points()) {
                boolean top = p == s.top();
                rows.add(List.of(s.contestant(), s.workload(), f.integer(p.connections()), f.rate(p.throughput().median()),
                        f.rateInterval(p.throughput()), (p.p99Censored() ? "≥ " : "") + f.latency(p.p99Micros()), f.percent(p.errorRate(), 1),
                        f.size(p.memoryBytes()), top ? s.memoryPerConnection().map(m -> bytes(m.median())).orElse(DASH) : "",
                        top ? s.memoryPerConnection().flatMap(Spread::interval).map(i -> bytes(i.low()) + " – " + bytes(i.high())).orElse(DASH) : "",
                        Integer.toString(p.trials().size())));
            }
        }
        return new Table(cols, rows);
    }

    List<String> scalingNotes() {
        return List.of("Closed model at each connection count. Every valid trial counts, also those the tables above leave unranked"
                        + " for their error rate: under many connections failing is the result. req/s: successful responses, median"
                        + " across trials with its " + Spread.CONFIDENCE_PERCENT + "% interval; p99, errors and memory: medians across"
                        + " trials; ≥: the p99 lies among the timed-out requests, recorded at the timeout, so it is a lower bound.",
                "memory/connection: per round, (memory at the most connections - idle memory) / connections, an upper bound"
                        + " (it includes whatever the load left allocated); median and " + Spread.CONFIDENCE_PERCENT + "% interval over"
                        + " the rounds (none when a round's value is 0 or below). A sync worker holds only the connection it serves;"
                        + " the others wait in the kernel's accept queue, outside the process's memory.");
    }

    private String bytes(double b) {
        return Math.abs(b) >= 1024 ? kib(b) : f.number(b, 0) + " B";
    }

    /** @return whether the analysis has either section */
    static boolean any(Analysis a) {
        return !a.realtime().isEmpty() || !a.blocking().isEmpty();
    }

    private String kib(double bytes) {
        return f.number(bytes / 1024, bytes / 1024 >= 100 ? 0 : 1) + " KiB";
    }
}
