package dev.stackbench.cli;

import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.ws.WsErrors;
import dev.stackbench.loadgen.ws.WsPattern;
import dev.stackbench.loadgen.ws.WsResult;
import dev.stackbench.loadgen.ws.WsSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The human summary of a WebSocket {@code stackbench load} run. Numbers in Locale.ROOT; times via {@link SummaryPrinter#micros}. */
final class WsSummaryPrinter {
    private final PrintWriter out;

    WsSummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void header(WsSpec spec) {
        out.printf(Locale.ROOT, "stackbench load %s%n", spec.target());
        String what;
        if (spec.pattern() instanceof WsPattern.FanOut f) {
            what = String.format(Locale.ROOT, "fan-out: %d subscriber%s, %s publishing %,.0f msg/s (latency from the intended publish time)",
                    spec.connections(), spec.connections() == 1 ? "" : "s", f.publisher(), f.ratePerSecond());
        } else {
            LoadModel m = ((WsPattern.Echo) spec.pattern()).model();
            what = String.format(Locale.ROOT, "echo, %s, %d connection%s", m instanceof LoadModel.Open o
                            ? String.format(Locale.ROOT, "open model at %,.0f msg/s (latency from the intended send time)", o.ratePerSecond())
                            : "closed model", spec.connections(), spec.connections() == 1 ? "" : "s");
        }
        out.printf(Locale.ROOT, "  %s%n", what);
        out.printf(Locale.ROOT, "  %d-byte %s messages, %d thread%s, %s%s, timeout %s%n", spec.message().sizeBytes(),
                spec.message().kind().name().toLowerCase(Locale.ROOT), spec.threads(), spec.threads() == 1 ? "" : "s",
                DurationConverter.format(spec.duration()),
                spec.warmup().isZero() ? "" : " after a " + DurationConverter.format(spec.warmup()) + " warm-up (not recorded)",
                DurationConverter.format(spec.timeout()));
    }

    void summary(WsResult r, boolean spectrum, boolean timeline) {
        out.println();
        if (r.connectionsOpen() == 0) {
            out.printf(Locale.ROOT, "  Connected  0 of %,d%n", r.spec().connections());
            out.println("  Errors     " + errors(r.errors()));
            out.println("  Verdict    no connection opened: nothing was measured.");
            out.println();
            return;
        }
        out.printf(Locale.ROOT, "  Connected  %,d of %,d (TCP%s + upgrade: p50 %s, max %s)%n", r.connectionsOpen(),
                r.spec().connections(), r.spec().tls() ? " + TLS" : "", SummaryPrinter.micros(r.connect().p50Micros()),
                SummaryPrinter.micros(r.connect().maxMicros()));
        if (r.fanOut()) {
            out.printf(Locale.ROOT, "  Published  %,d messages in %.2fs, %,.1f msg/s%n", r.sent(), r.measuredSeconds(),
                    r.sent() / r.measuredSeconds());
            out.printf(Locale.ROOT, "  Delivered  %,d, %,.1f/s; missing %,d of %,d (%,d message%s not at every subscriber)%n",
                    r.received(), r.receiveRate(), r.missing(), r.sent() * r.connectionsOpen(), r.incompleteMessages(),
                    r.incompleteMessages() == 1 ? "" : "s");
        } else {
            out.printf(Locale.ROOT, "  Messages   %,d sent, %,d replies in %.2fs, %,.1f/s; missing %,d%n", r.sent(), r.received(),
                    r.measuredSeconds(), r.receiveRate(), r.missing());
        }
        out.printf(Locale.ROOT, "  %-10s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "", "p50", "p75", "p90", "p99", "p99.9",
                "p99.99", "max", "mean", "stdev");
        latencyRow("Latency", r.latency());
        if (r.fanOut()) {
            latencyRow("Last sub", r.lastDelivery());
            out.println("             (latency: every delivery, from the intended publish time; last sub: per message, until the last subscriber had it)");
        } else {
            out.println("             (from each message's intended send time to its echo)");
        }
        latencyRow("Connect", r.connect());
        out.println("  Errors     " + errors(r.errors()));
        if (r.errors().unrecognized() > 0) {
            out.printf(Locale.ROOT, "  Ignored    %,d messages without a stamp (neither replies nor deliveries)%n", r.errors().unrecognized());
        }
        out.printf(Locale.ROOT, "  Closed     %,d of %,d with a completed close handshake%n", r.closedCleanly(), r.connectionsOpen());
        GeneratorHealth h = r.health();
        if (h.targetRate() > 0) {
            out.printf(Locale.ROOT, "  Schedule   %,.0f of %,.0f msg/s %s; %,d late by > 1 ms (largest lag %s), %,d waited for a %s%n",
                    h.achievedRate(), h.targetRate(), r.fanOut() ? "published" : "sent", h.lateSends(),
                    SummaryPrinter.micros(h.maxSendLagMicros()), h.queuedSends(),
                    r.fanOut() ? "busy publisher connection" : "server that did not read");
        }
        out.printf(Locale.ROOT, "  Generator  %.2f CPU-seconds, %.0f%% of its %d CPU%s (%s), busiest event loop %.0f%%, %s; %.2fus CPU per message received%n",
                h.cpuSeconds(), h.processCpuUtilization() * 100, h.cpusAvailable(), h.cpusAvailable() == 1 ? "" : "s",
                r.environment().generatorCpus(), h.loopCpuUtilization() * 100, r.environment().transport(), r.cpuMicrosPerMessage());
        if (h.bound()) {
            for (String w : h.warnings()) {
                out.println("  WARNING    generator-bound: " + w + ".");
            }
        } else {
            out.println("  Verdict    the generator kept up: these numbers describe the server.");
        }
        if (timeline) {
            out.println();
            out.printf(Locale.ROOT, "  %-9s %12s %9s %10s%n", "second", r.fanOut() ? "deliveries/s" : "replies/s", "errors", "p99");
            for (IntervalSample s : r.timeline()) {
                out.printf(Locale.ROOT, "  %4.0f-%-4.0f %12s %9s %10s%n", s.startSeconds(), s.startSeconds() + s.lengthSeconds(),
                        String.format(Locale.ROOT, "%,.0f", s.rate()), String.format(Locale.ROOT, "%,d", s.errors()),
                        SummaryPrinter.micros(s.p99Micros()));
            }
        }
        if (spectrum) {
            out.println();
            out.println("  Latency percentile spectrum (microseconds):");
            out.print(spectrum(r.latencyHistogram()));
            if (r.fanOut()) {
                out.println("  Last-subscriber percentile spectrum (microseconds):");
                out.print(spectrum(r.lastDeliveryHistogram()));
            }
        }
        out.println();
    }

    private void latencyRow(String label, LatencySummary l) {
        out.printf(Locale.ROOT, "  %-10s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", label, m(l.p50Micros()), m(l.p75Micros()),
                m(l.p90Micros()), m(l.p99Micros()), m(l.p999Micros()), m(l.p9999Micros()), m(l.maxMicros()),
                m(Math.round(l.meanMicros())), m(Math.round(l.stdevMicros())));
    }

    private static String m(long micros) {
        return SummaryPrinter.micros(micros);
    }

    private static String spectrum(Histogram h) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(buf, true, StandardCharsets.UTF_8), 5, 1.0);
        return buf.toString(StandardCharsets.UTF_8);
    }

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
        return String.format(Locale.ROOT, "%,d (%s)", e.total(), String.join(", ", parts));
    }

    private static void add(List<String> parts, String label, long n) {
        if (n > 0) {
            parts.add(String.format(Locale.ROOT, "%s: %,d", label, n));
        }
    }
}
