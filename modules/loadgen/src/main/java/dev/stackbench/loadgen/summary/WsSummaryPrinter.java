package dev.stackbench.loadgen.summary;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.SizeFormat;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.ws.WsErrors;
import dev.stackbench.loadgen.ws.WsPattern;
import dev.stackbench.loadgen.ws.WsResult;
import dev.stackbench.loadgen.ws.WsSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human summary of a WebSocket {@code stackbench load} run (echo or fan-out): {@link #header}
 * before the run, {@link #summary} after it. Durations, sizes and rates in the config module's one
 * dialect, as {@link SummaryPrinter} prints them; numbers in Locale.ROOT. Not thread-safe.
 */
public final class WsSummaryPrinter {
    private final PrintWriter out;

    /** @param out where the summary goes; flushed after each part */
    public WsSummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Prints what is about to run: target, pattern, rate, connections, messages, duration. */
    public void header(WsSpec spec) {
        out.printf(Locale.ROOT, "stackbench load %s%n", spec.target());
        String what;
        if (spec.pattern() instanceof WsPattern.FanOut f) {
            what = "fan-out: " + Numbers.plural(spec.connections(), "subscriber") + ", " + f.publisher() + " publishing "
                    + RateFormat.format(f.ratePerSecond(), "msg/s") + " (latency from the intended publish time)";
        } else {
            LoadModel m = ((WsPattern.Echo) spec.pattern()).model();
            what = "echo, " + (m instanceof LoadModel.Open o
                    ? "open model at " + RateFormat.format(o.ratePerSecond(), "msg/s") + " (latency from the intended send time)"
                    : "closed model") + ", " + Numbers.plural(spec.connections(), "connection");
        }
        out.println("  " + what);
        out.println("  " + SizeFormat.format(spec.message().sizeBytes()) + " " + spec.message().kind().name().toLowerCase(Locale.ROOT)
                + " messages, " + Numbers.plural(spec.threads(), "thread") + ", " + DurationFormat.format(spec.duration())
                + (spec.warmup().isZero() ? "" : " after a " + DurationFormat.format(spec.warmup()) + " warm-up (not recorded)")
                + ", timeout " + DurationFormat.format(spec.timeout()));
        out.flush();
    }

    /**
     * Prints the figures of a finished run.
     *
     * @param spectrum whether to add HdrHistogram's percentile distribution (microseconds)
     * @param timeline whether to add the per-second timeline
     */
    public void summary(WsResult r, boolean spectrum, boolean timeline) {
        out.println();
        if (r.connectionsOpen() == 0) {
            field("Connected", "0 of " + Numbers.count(r.spec().connections()));
            field("Errors", errors(r.errors()));
            field("Verdict", "no connection opened: nothing was measured.");
            out.println();
            out.flush();
            return;
        }
        field("Connected", Numbers.count(r.connectionsOpen()) + " of " + Numbers.count(r.spec().connections()) + " (TCP"
                + (r.spec().tls() ? " + TLS" : "") + " + upgrade: p50 " + DurationFormat.micros(r.connect().p50Micros()) + ", max "
                + DurationFormat.micros(r.connect().maxMicros()) + ")");
        String measured = DurationFormat.seconds(r.measuredSeconds());
        if (r.fanOut()) {
            field("Published", Numbers.count(r.sent()) + " messages in " + measured + ", "
                    + RateFormat.format(r.sent() / r.measuredSeconds(), "msg/s"));
            field("Delivered", Numbers.count(r.received()) + ", " + RateFormat.format(r.receiveRate(), "msg/s") + "; missing "
                    + Numbers.count(r.missing()) + " of " + Numbers.count(r.sent() * r.connectionsOpen()) + " ("
                    + Numbers.plural(r.incompleteMessages(), "message") + " not at every subscriber)");
        } else {
            field("Messages", Numbers.count(r.sent()) + " sent, " + Numbers.count(r.received()) + " replies in " + measured + ", "
                    + RateFormat.format(r.receiveRate(), "msg/s") + "; missing " + Numbers.count(r.missing()));
        }
        LatencyTable latency = new LatencyTable(false).row("Latency", r.latency());
        if (r.fanOut()) {
            latency.row("Last sub", r.lastDelivery());
        }
        out.print(latency.row("Connect", r.connect()).render());
        String connect = "; connect: TCP" + (r.spec().tls() ? " + TLS" : "") + " + upgrade)";
        note(r.fanOut() ? "(latency: every delivery, from the intended publish time; last sub: per message, until the last"
                + " subscriber had it" + connect : "(latency: from each message's intended send time to its echo" + connect);
        field("Errors", errors(r.errors()));
        if (r.errors().unrecognized() > 0) {
            field("Ignored", Numbers.count(r.errors().unrecognized()) + " messages without a stamp (neither replies nor deliveries)");
        }
        field("Closed", Numbers.count(r.closedCleanly()) + " of " + Numbers.count(r.connectionsOpen()) + " with a completed close handshake");
        GeneratorHealth h = r.health();
        if (h.targetRate() > 0) {
            field("Schedule", RateFormat.number(h.achievedRate(), Locale.ROOT) + " of " + RateFormat.format(h.targetRate(), "msg/s")
                    + (r.fanOut() ? " published" : " sent") + "; " + Numbers.count(h.lateSends()) + " late by > 1 ms (largest lag "
                    + DurationFormat.micros(h.maxSendLagMicros()) + "), " + Numbers.count(h.queuedSends()) + " waited for a "
                    + (r.fanOut() ? "busy publisher connection" : "server that did not read"));
        }
        field("Generator", DurationFormat.seconds(h.cpuSeconds()) + " of CPU, " + Numbers.percent(h.processCpuUtilization(), 0)
                + " of its " + Numbers.plural(h.cpusAvailable(), "CPU") + " (" + r.environment().generatorCpus() + "), busiest event loop "
                + Numbers.percent(h.loopCpuUtilization(), 0) + ", " + r.environment().transport() + "; "
                + DurationFormat.micros(r.cpuMicrosPerMessage()) + " of CPU per message received");
        if (h.bound()) {
            for (String w : h.warnings()) {
                field("WARNING", "generator-bound: " + w + ".");
            }
        } else {
            field("Verdict", "the generator kept up: these numbers describe the server.");
        }
        if (timeline) {
            out.println();
            out.print(TimelineTable.render(r.timeline(), r.fanOut() ? "deliveries/s" : "replies/s"));
        }
        if (spectrum) {
            out.println();
            out.println("  Latency percentile spectrum (microseconds):");
            out.print(LatencyTable.spectrum(r.latencyHistogram()));
            if (r.fanOut()) {
                out.println("  Last-subscriber percentile spectrum (microseconds):");
                out.print(LatencyTable.spectrum(r.lastDeliveryHistogram()));
            }
        }
        out.println();
        out.flush();
    }

    /** @return {@code none}, or the total and each class: {@code 3 (closed by peer: 1, publish HTTP 503: 2)} */
    static String errors(WsErrors e) {
        if (e.total() == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        add(parts, "connect refused", e.connectRefused());
        add(parts, "connect timeout", e.connectTimeout());
        add(parts, "connect failed", e.connectOther());
        add(parts, "TLS", e.tls());
        for (Map.Entry<Integer, Long> s : e.handshakeStatusByCode().entrySet()) {
            add(parts, "upgrade HTTP " + s.getKey(), s.getValue());
        }
        add(parts, "upgrade timeout", e.handshakeTimeout());
        add(parts, "upgrade invalid", e.handshakeInvalid());
        add(parts, "closed during upgrade", e.handshakeClosed());
        add(parts, "closed by peer", e.closedByPeer());
        add(parts, "not published", e.publishFailed());
        for (Map.Entry<Integer, Long> s : e.publishStatusByCode().entrySet()) {
            add(parts, "publish HTTP " + s.getKey(), s.getValue());
        }
        return Numbers.count(e.total()) + " (" + String.join(", ", parts) + ")";
    }

    private static void add(List<String> parts, String label, long n) {
        if (n > 0) {
            parts.add(label + ": " + Numbers.count(n));
        }
    }

    private void field(String label, String text) {
        out.println(Field.line(label, text));
    }

    private void note(String text) {
        out.println(Field.note(text));
    }
}
