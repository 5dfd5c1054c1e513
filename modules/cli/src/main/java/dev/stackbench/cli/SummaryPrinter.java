package dev.stackbench.cli;

import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.KindResult;
import dev.stackbench.loadgen.RateStage;
import dev.stackbench.loadgen.RequestKind;
import dev.stackbench.loadgen.StageResult;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.loadgen.ThresholdResult;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.Warmup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human summary of a {@code stackbench load} run, in the spirit of wrk's. Numbers in Locale.ROOT. */
public final class SummaryPrinter {
    private final PrintWriter out;

    SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void header(LoadSpec spec) {
        if (spec.isMix()) {
            out.printf(Locale.ROOT, "stackbench load %s, a mix of %d requests%n", spec.target(), spec.requests().size());
        } else {
            out.printf(Locale.ROOT, "stackbench load %s %s%n", spec.method(), spec.target());
        }
        String model = spec.model() instanceof LoadModel.Open open
                ? String.format(Locale.ROOT, "open model %s (latency from the intended send time%s%s)", rate(open),
                        open.arrivals() == LoadModel.Arrivals.POISSON ? ", Poisson arrivals" : "",
                        spec.resolution().isZero() ? "" : ", sends grouped in " + DurationConverter.format(spec.resolution()) + " windows")
                : "closed model";
        out.printf(Locale.ROOT, "  %s, %d connection%s, %d thread%s, %s%s, timeout %s%n", model,
                spec.connections(), spec.connections() == 1 ? "" : "s", spec.threads(), spec.threads() == 1 ? "" : "s",
                DurationConverter.format(spec.duration()),
                warmup(spec.warmup()),
                DurationConverter.format(spec.timeout()));
        if (spec.isMix() || spec.requests().get(0).path().contains("{")) {
            int total = spec.requests().stream().mapToInt(RequestKind::weight).sum();
            List<String> parts = new ArrayList<>();
            for (RequestKind k : spec.requests()) {
                parts.add(String.format(Locale.ROOT, "%s %.0f%% (%s %s)", k.name(), 100.0 * k.weight() / total, k.method(), k.path()));
            }
            out.printf(Locale.ROOT, "  requests: %s; seed %d%n", String.join(", ", parts), spec.seed());
        }
        if (!spec.thresholds().isEmpty()) {
            out.printf(Locale.ROOT, "  thresholds: %s%s%n", String.join(", ", spec.thresholds().stream().map(Threshold::toString).toList()),
                    spec.abortOnFail() ? " (the run ends early once one fails)" : "");
        }
    }

    private static String rate(LoadModel.Open open) {
        if (open.stages().isEmpty()) {
            return String.format(Locale.ROOT, "at %,.0f req/s", open.ratePerSecond());
        }
        RateStage first = open.stages().get(0);
        RateStage last = open.stages().get(open.stages().size() - 1);
        return String.format(Locale.ROOT, "on a schedule of %d stages, %,.0f to %,.0f req/s (mean %,.0f)", open.stages().size(),
                first.fromPerSecond(), last.toPerSecond(), open.ratePerSecond());
    }

    private static String warmup(Warmup w) {
        if (w instanceof Warmup.Fixed f) {
            return f.length().isZero() ? "" : " after a " + DurationConverter.format(f.length()) + " warm-up (not recorded)";
        }
        Warmup.UntilStable u = (Warmup.UntilStable) w;
        return String.format(Locale.ROOT, " after a warm-up until the rate is stable (CV < %.0f%% over %d x %s, %s..%s; not recorded)",
                u.maxCv() * 100, u.samples(), DurationConverter.format(u.sample()), DurationConverter.format(u.min()),
                DurationConverter.format(u.cap()));
    }

    void summary(LoadResult r, boolean spectrum, boolean timeline) {
        boolean open = r.spec().model() instanceof LoadModel.Open;
        out.println();
        out.printf(Locale.ROOT, "  Requests   %,d completed in %.2fs, %,.1f req/s, %s read%n", r.requests(), r.measuredSeconds(),
                r.throughput(), bytes(r.bytesRead()));
        ConnectionLine.of(r.connection()).ifPresent(out::println);
        out.printf(Locale.ROOT, "  %-10s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s%n", "", "p50", "p75", "p90", "p99", "p99.9",
                "p99.99", "max", "mean", "stdev", "count");
        latencyRow("Latency", r.latency());
        latencyRow("Success", r.successLatency());
        if (r.errorLatency().count() > 0) {
            latencyRow("Error", r.errorLatency());
        }
        if (open) {
            latencyRow("Service", r.serviceTime());
        }
        out.println(open
                ? "             (latency: every request from its intended send time, as users wait; success/error: responses"
                        + " by status; service: from the actual send)"
                : "             (latency: every request from its send; success/error: responses by status)");
        if (r.censored() > 0) {
            out.println("             (>=: a lower bound: the censored values could raise it)");
        }
        long total = r.latency().count();
        out.println("  Errors     " + errors(r.errors()) + (total > 0 && r.errors().total() > 0
                ? String.format(Locale.ROOT, "; error rate %.2f%% of %,d requests", 100.0 * r.errors().total() / total, total) : ""));
        out.printf(Locale.ROOT, "  Censored   %,d (%,d timeouts at their timeout, %,d unsent at their wait until the end)%n",
                r.censored(), r.censored() - r.unsent(), r.unsent());
        GeneratorHealth h = r.health();
        if (open) {
            out.printf(Locale.ROOT, "  Schedule   %,.0f of %,.0f req/s achieved (%.1f%%); %,d sent, %,d unsent; send lag p99 %s "
                            + "(max %s), %,d late by > 1 ms; %,d waited for a busy connection%n", h.achievedRate(), h.targetRate(),
                    r.achievedFraction() * 100, h.sends(), r.unsent(), micros(h.sendLagP99Micros()),
                    micros(h.maxSendLagMicros()), h.lateSends(), h.queuedSends());
            out.printf(Locale.ROOT, "  Pool       %,d connections at most, cap %,d; %,d sends found all busy at the cap; "
                            + "connection-limited: %s%n", h.peakConnections(), h.connectionCap(), h.cappedSends(),
                    h.connectionLimited() ? "YES" : "no");
        }
        out.printf(Locale.ROOT, "  Generator  %.2f CPU-seconds, %.0f%% of its %d CPU%s (%s), busiest event loop %.0f%%, %s; "
                        + "hiccups p99 %s, max %s; steal %.1f%%%n",
                h.cpuSeconds(), h.processCpuUtilization() * 100, h.cpusAvailable(), h.cpusAvailable() == 1 ? "" : "s",
                r.environment().generatorCpus(), h.loopCpuUtilization() * 100, r.environment().transport(),
                micros(h.hiccupP99Micros()), micros(h.hiccupMaxMicros()), h.stealFraction() * 100);
        if (!(r.spec().warmup() instanceof Warmup.Fixed f && f.length().isZero())) {
            out.printf(Locale.ROOT, "  Warm-up    %.2fs, %s%n", r.warmupSeconds(), switch (r.warmupEnd()) {
                case FIXED -> "fixed";
                case STABLE -> "until the rate was stable";
                case CAPPED -> "hit its cap: the rate never became stable";
            });
        }
        if (r.serverBehindSchedule()) {
            out.printf(Locale.ROOT, "  SERVER     could not keep the rate (S): %,.0f of %,.0f req/s completed inside the window (%.1f%%)%n",
                    h.achievedRate(), h.targetRate(), r.achievedFraction() * 100);
        }
        if (r.kinds().size() > 1) {
            kinds(r);
        }
        if (!r.stages().isEmpty()) {
            stages(r);
        }
        if (!r.thresholds().isEmpty()) {
            thresholds(r);
        }
        if (h.bound()) {
            for (String w : h.warnings()) {
                out.println("  WARNING    generator-bound: " + w + ".");
            }
        } else {
            out.println("  Verdict    the generator kept up: these numbers describe the server.");
        }
        if (timeline) {
            out.println();
            out.printf(Locale.ROOT, "  %-9s %12s %9s %10s%n", "second", "req/s", "errors", "p99");
            for (IntervalSample s : r.timeline()) {
                out.printf(Locale.ROOT, "  %4.0f-%-4.0f %12s %9s %10s%n", s.startSeconds(), s.startSeconds() + s.lengthSeconds(),
                        String.format(Locale.ROOT, "%,.0f", s.rate()), String.format(Locale.ROOT, "%,d", s.errors()), micros(s.p99Micros()));
            }
        }
        if (spectrum) {
            out.println();
            out.println("  Latency percentile spectrum (microseconds):");
            out.print(spectrum(r));
            if (r.censored() > 0) {
                out.printf(Locale.ROOT, "  (%,d censored values: from count %,d on, the values are lower bounds)%n",
                        r.censored(), r.latency().firstCensoredRank());
            }
            if (open) {
                out.println("  Service-time percentile spectrum (microseconds):");
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                r.serviceHistogram().outputPercentileDistribution(new PrintStream(buf, true, StandardCharsets.UTF_8), 5, 1.0);
                out.print(buf.toString(StandardCharsets.UTF_8));
            }
        }
        out.println();
    }

    private void kinds(LoadResult r) {
        out.println();
        int total = r.kinds().stream().mapToInt(KindResult::weight).sum();
        out.printf(Locale.ROOT, "  %-14s %7s %11s %10s %10s %10s %10s %10s %10s %9s%n", "Request", "weight", "req/s", "p50", "p90", "p99",
                "max", "count", "errors", "err rate");
        for (KindResult k : r.kinds()) {
            LatencySummary l = k.latency();
            out.printf(Locale.ROOT, "  %-14s %6.1f%% %11s %10s %10s %10s %10s %10s %10s %8.2f%%%n", k.name(), 100.0 * k.weight() / total,
                    String.format(Locale.ROOT, "%,.1f", k.throughput()),
                    l.count() == 0 ? "none" : mark(l, 50, l.p50Micros()), l.count() == 0 ? "" : mark(l, 90, l.p90Micros()),
                    l.count() == 0 ? "" : mark(l, 99, l.p99Micros()), l.count() == 0 ? "" : (l.censored() > 0 ? ">=" : "") + micros(l.maxMicros()),
                    String.format(Locale.ROOT, "%,d", l.count()), String.format(Locale.ROOT, "%,d", k.errors().total()), 100 * k.errorRate());
        }
        out.println("             (per request kind: latency of every request of it, censored values included; errors by kind,"
                + " connect errors only in the total)");
    }

    private void stages(LoadResult r) {
        out.println();
        out.printf(Locale.ROOT, "  %-5s %-11s %11s %11s %8s %10s %10s %10s %9s%n", "Stage", "seconds", "target/s", "achieved/s", "kept",
                "p50", "p90", "p99", "errors");
        int i = 1;
        for (StageResult s : r.stages()) {
            LatencySummary l = s.latency();
            out.printf(Locale.ROOT, "  %-5d %-11s %11s %11s %7.1f%% %10s %10s %10s %9s%n", i++,
                    String.format(Locale.ROOT, "%.0f-%.0f", s.startSeconds(), s.startSeconds() + s.lengthSeconds()),
                    String.format(Locale.ROOT, "%,.0f", s.targetPerSecond()), String.format(Locale.ROOT, "%,.0f", s.achievedPerSecond()),
                    100 * s.achievedFraction(), l.count() == 0 ? "none" : mark(l, 50, l.p50Micros()),
                    l.count() == 0 ? "" : mark(l, 90, l.p90Micros()), l.count() == 0 ? "" : mark(l, 99, l.p99Micros()),
                    String.format(Locale.ROOT, "%,d", s.errors()));
        }
        out.println("             (per stage: achieved = completions inside the stage; latency and errors of the requests"
                + " intended inside it)");
    }

    private void thresholds(LoadResult r) {
        out.println();
        for (ThresholdResult t : r.thresholds()) {
            out.printf(Locale.ROOT, "  Threshold  %s %s: %s%n", t.passed() ? "PASS" : "FAIL", t.threshold(), actual(t));
        }
        if (r.aborted()) {
            out.printf(Locale.ROOT, "  ABORTED    a threshold failed %.2fs into the window (--abort-on-fail): these figures cover"
                    + " that shortened window%n", r.measuredSeconds());
        }
    }

    /** @return a threshold's measured value in its own unit */
    static String actual(ThresholdResult t) {
        if (Double.isNaN(t.actual())) {
            return "nothing to measure";
        }
        Threshold.Metric m = t.threshold().metric();
        String v;
        if (m.isLatency()) {
            v = micros(Math.round(t.actual()));
        } else if (m == Threshold.Metric.ERRORS) {
            v = String.format(Locale.ROOT, "%.3f%%", 100 * t.actual());
        } else if (m == Threshold.Metric.RATE) {
            v = String.format(Locale.ROOT, "%.3f", t.actual());
        } else {
            v = String.format(Locale.ROOT, "%,.1f req/s", t.actual());
        }
        return "was " + (t.lowerBound() ? ">=" : "") + v + (t.lowerBound() && !t.passed() ? " (a lower bound: censored values)" : "");
    }

    private static String spectrum(LoadResult r) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        r.latencyHistogram().outputPercentileDistribution(new PrintStream(buf, true, StandardCharsets.UTF_8), 5, 1.0);
        return buf.toString(StandardCharsets.UTF_8);
    }

    private void latencyRow(String label, LatencySummary l) {
        if (l.count() == 0) {
            out.printf(Locale.ROOT, "  %-10s %10s%n", label, "none");
            return;
        }
        boolean censored = l.censored() > 0;
        out.printf(Locale.ROOT, "  %-10s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s%n", label,
                mark(l, 50, l.p50Micros()), mark(l, 75, l.p75Micros()), mark(l, 90, l.p90Micros()), mark(l, 99, l.p99Micros()),
                mark(l, 99.9, l.p999Micros()), mark(l, 99.99, l.p9999Micros()), (censored ? ">=" : "") + micros(l.maxMicros()),
                (censored ? ">=" : "") + micros(Math.round(l.meanMicros())), micros(Math.round(l.stdevMicros())),
                String.format(Locale.ROOT, "%,d", l.count()));
    }

    /** @return the value, marked {@code >=} when censored values make it a lower bound */
    private static String mark(LatencySummary l, double percentile, long micros) {
        return (l.isLowerBound(percentile) ? ">=" : "") + micros(micros);
    }

    static String errors(ErrorCounts e) {
        if (e.total() == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (e.connect() > 0) {
            parts.add(String.format(Locale.ROOT, "connect %,d", e.connect()));
        }
        if (e.read() > 0) {
            parts.add(String.format(Locale.ROOT, "read %,d", e.read()));
        }
        if (e.write() > 0) {
            parts.add(String.format(Locale.ROOT, "write %,d", e.write()));
        }
        if (e.timeout() > 0) {
            parts.add(String.format(Locale.ROOT, "timeout %,d", e.timeout()));
        }
        for (Map.Entry<Integer, Long> s : e.statusByCode().entrySet()) {
            parts.add(String.format(Locale.ROOT, "HTTP %d: %,d", s.getKey(), s.getValue()));
        }
        return String.format(Locale.ROOT, "%,d (%s)", e.total(), String.join(", ", parts));
    }

    /** @return microseconds as people read them: 512us, 1.23ms, 2.50s */
    public static String micros(long us) {
        if (us < 1_000) {
            return us + "us";
        }
        if (us < 1_000_000) {
            return String.format(Locale.ROOT, "%.2fms", us / 1e3);
        }
        return String.format(Locale.ROOT, "%.2fs", us / 1e6);
    }

    private static String bytes(long b) {
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
}
