package dev.stackbench.loadgen.summary;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.SizeFormat;
import dev.stackbench.config.TextTable;
import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.KindResult;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.RateStage;
import dev.stackbench.loadgen.RequestKind;
import dev.stackbench.loadgen.StageResult;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.loadgen.ThresholdResult;
import dev.stackbench.loadgen.Warmup;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human summary of an HTTP {@code stackbench load} run: {@link #header} before the run,
 * {@link #summary} after it. Durations, sizes and rates in the config module's one dialect, tables
 * by its {@link TextTable}, numbers in Locale.ROOT. Not thread-safe; one run at a time.
 *
 * <pre>
 * SummaryPrinter printer = new SummaryPrinter(out);
 * printer.header(spec);
 * printer.summary(new LoadGenerator(spec).run(listener), false, false);
 * </pre>
 */
public final class SummaryPrinter {
    private final PrintWriter out;

    /** @param out where the summary goes; flushed after each part */
    public SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Prints what is about to run: target, load model, connections, duration, the mix and the thresholds. */
    public void header(LoadSpec spec) {
        if (spec.isMix()) {
            out.printf(Locale.ROOT, "stackbench load %s, a mix of %d requests%n", spec.target(), spec.requests().size());
        } else {
            out.printf(Locale.ROOT, "stackbench load %s %s%n", spec.method(), spec.target());
        }
        String model = spec.model() instanceof LoadModel.Open open
                ? "open model " + rate(open) + " (latency from the intended send time"
                        + (open.arrivals() == LoadModel.Arrivals.POISSON ? ", Poisson arrivals" : "")
                        + (spec.resolution().isZero() ? "" : ", sends grouped in " + DurationFormat.format(spec.resolution()) + " windows")
                        + ")"
                : "closed model";
        out.printf(Locale.ROOT, "  %s, %s, %s, %s%s, timeout %s%n", model, Numbers.plural(spec.connections(), "connection"),
                Numbers.plural(spec.threads(), "thread"), DurationFormat.format(spec.duration()), warmup(spec.warmup()),
                DurationFormat.format(spec.timeout()));
        if (spec.isMix() || spec.requests().get(0).path().contains("{")) {
            int total = spec.requests().stream().mapToInt(RequestKind::weight).sum();
            List<String> parts = new ArrayList<>();
            for (RequestKind k : spec.requests()) {
                parts.add(k.name() + " " + Numbers.percent((double) k.weight() / total, 0) + " (" + k.method() + " " + k.path() + ")");
            }
            out.printf(Locale.ROOT, "  requests: %s; seed %d%n", String.join(", ", parts), spec.seed());
        }
        if (!spec.thresholds().isEmpty()) {
            out.printf(Locale.ROOT, "  thresholds: %s%s%n", String.join(", ", spec.thresholds().stream().map(Threshold::toString).toList()),
                    spec.abortOnFail() ? " (the run ends early once one fails)" : "");
        }
        out.flush();
    }

    private static String rate(LoadModel.Open open) {
        if (open.stages().isEmpty()) {
            return "at " + RateFormat.format(open.ratePerSecond());
        }
        RateStage first = open.stages().get(0);
        RateStage last = open.stages().get(open.stages().size() - 1);
        return "on a schedule of " + open.stages().size() + " stages, " + RateFormat.number(first.fromPerSecond(), Locale.ROOT)
                + " to " + RateFormat.format(last.toPerSecond()) + " (mean " + RateFormat.number(open.ratePerSecond(), Locale.ROOT) + ")";
    }

    private static String warmup(Warmup w) {
        if (w instanceof Warmup.Fixed f) {
            return f.length().isZero() ? "" : " after a " + DurationFormat.format(f.length()) + " warm-up (not recorded)";
        }
        Warmup.UntilStable u = (Warmup.UntilStable) w;
        return " after a warm-up until the rate is stable (CV < " + Numbers.percent(u.maxCv(), 0) + " over " + u.samples() + " x "
                + DurationFormat.format(u.sample()) + ", " + DurationFormat.format(u.min()) + ".." + DurationFormat.format(u.cap())
                + "; not recorded)";
    }

    /**
     * Prints the figures of a finished run.
     *
     * @param spectrum whether to add HdrHistogram's percentile distribution (microseconds)
     * @param timeline whether to add the per-second timeline
     */
    public void summary(LoadResult r, boolean spectrum, boolean timeline) {
        boolean open = r.spec().model() instanceof LoadModel.Open;
        out.println();
        field("Requests", Numbers.count(r.requests()) + " completed in " + DurationFormat.seconds(r.measuredSeconds()) + ", "
                + RateFormat.format(r.throughput()) + ", " + SizeFormat.format(r.bytesRead()) + " read");
        ConnectionLine.of(r.connection()).ifPresent(out::println);
        LatencyTable latency = new LatencyTable(true).row("Latency", r.latency()).row("Success", r.successLatency());
        if (r.errorLatency().count() > 0) {
            latency.row("Error", r.errorLatency());
        }
        if (open) {
            latency.row("Service", r.serviceTime());
        }
        out.print(latency.render());
        note(open ? "(latency: every request from its intended send time, as users wait; success/error: responses"
                + " by status; service: from the actual send)"
                : "(latency: every request from its send; success/error: responses by status)");
        if (r.censored() > 0) {
            note("(" + LatencyTable.AT_LEAST.strip() + ": a lower bound: the censored values could raise it)");
        }
        // attempts: responses of any status, plus the requests that got none (a failed connect, a reset, a timeout),
        // so that the rate stays within 0..100% however many connects fail (TrialCheck's rule for a run's trials)
        long total = r.requests() + r.errors().connect() + r.errors().read() + r.errors().write() + r.errors().timeout();
        field("Errors", errors(r.errors()) + (total > 0 && r.errors().total() > 0
                ? "; error rate " + Numbers.percent((double) r.errors().total() / total, 2) + " of " + Numbers.count(total) + " attempts" : ""));
        field("Censored", String.format(Locale.ROOT, "%,d (%,d timeouts at their timeout, %,d unsent at their wait until the end)",
                r.censored(), r.censored() - r.unsent(), r.unsent()));
        GeneratorHealth h = r.health();
        if (open) {
            field("Schedule", RateFormat.number(h.achievedRate(), Locale.ROOT) + " of " + RateFormat.format(h.targetRate())
                    + " achieved (" + Numbers.percent(r.achievedFraction(), 1) + "); "
                    + String.format(Locale.ROOT, "%,d sent, %,d unsent; ", h.sends(), r.unsent())
                    + "send lag p99 " + DurationFormat.micros(h.sendLagP99Micros()) + " (max " + DurationFormat.micros(h.maxSendLagMicros())
                    + String.format(Locale.ROOT, "), %,d late by > 1 ms; %,d waited for a busy connection", h.lateSends(), h.queuedSends()));
            field("Pool", String.format(Locale.ROOT, "%,d connections at most, cap %,d; %,d sends found all busy at the cap; "
                    + "connection-limited: %s", h.peakConnections(), h.connectionCap(), h.cappedSends(), h.connectionLimited() ? "YES" : "no"));
        }
        field("Generator", DurationFormat.seconds(h.cpuSeconds()) + " of CPU, " + Numbers.percent(h.processCpuUtilization(), 0) + " of its "
                + Numbers.plural(h.cpusAvailable(), "CPU") + " (" + r.environment().generatorCpus() + "), busiest event loop "
                + Numbers.percent(h.loopCpuUtilization(), 0) + ", " + r.environment().transport() + "; hiccups p99 "
                + DurationFormat.micros(h.hiccupP99Micros()) + ", max " + DurationFormat.micros(h.hiccupMaxMicros()) + "; steal "
                + Numbers.percent(h.stealFraction(), 1));
        if (!(r.spec().warmup() instanceof Warmup.Fixed f && f.length().isZero())) {
            field("Warm-up", DurationFormat.seconds(r.warmupSeconds()) + ", " + switch (r.warmupEnd()) {
                case FIXED -> "fixed";
                case STABLE -> "until the rate was stable";
                case CAPPED -> "hit its cap: the rate never became stable";
            });
        }
        if (r.serverBehindSchedule()) {
            field("SERVER", "could not keep the rate (S): " + RateFormat.number(h.achievedRate(), Locale.ROOT) + " of "
                    + RateFormat.format(h.targetRate()) + " completed inside the window (" + Numbers.percent(r.achievedFraction(), 1) + ")");
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
        verdict(h);
        if (timeline) {
            out.println();
            out.print(TimelineTable.render(r.timeline(), "req/s"));
        }
        if (spectrum) {
            out.println();
            out.println("  Latency percentile spectrum (microseconds):");
            out.print(LatencyTable.spectrum(r.latencyHistogram()));
            if (r.censored() > 0) {
                out.printf(Locale.ROOT, "  (%,d censored values: from count %,d on, the values are lower bounds)%n",
                        r.censored(), r.latency().firstCensoredRank());
            }
            if (open) {
                out.println("  Service-time percentile spectrum (microseconds):");
                out.print(LatencyTable.spectrum(r.serviceHistogram()));
            }
        }
        out.println();
        out.flush();
    }

    private void kinds(LoadResult r) {
        out.println();
        int total = r.kinds().stream().mapToInt(KindResult::weight).sum();
        TextTable t = new TextTable(TextTable.left("Request"), TextTable.right("weight"), TextTable.right("req/s"),
                TextTable.right("p50"), TextTable.right("p90"), TextTable.right("p99"), TextTable.right("max"),
                TextTable.right("count"), TextTable.right("errors"), TextTable.right("err rate")).withIndent(2);
        for (KindResult k : r.kinds()) {
            LatencySummary l = k.latency();
            boolean none = l.count() == 0;
            t.row(k.name(), Numbers.percent((double) k.weight() / total, 1), RateFormat.number(k.throughput(), Locale.ROOT),
                    none ? "none" : LatencyTable.cell(l, 50, l.p50Micros()), none ? "" : LatencyTable.cell(l, 90, l.p90Micros()),
                    none ? "" : LatencyTable.cell(l, 99, l.p99Micros()), none ? "" : LatencyTable.max(l),
                    Numbers.count(l.count()), Numbers.count(k.errors().total()), Numbers.percent(k.errorRate(), 2));
        }
        out.print(t.render());
        note("(per request kind: latency of every request of it, censored values included; errors by kind,"
                + " connect errors only in the total)");
    }

    private void stages(LoadResult r) {
        out.println();
        TextTable t = new TextTable(TextTable.right("Stage"), TextTable.left("seconds"), TextTable.right("target/s"),
                TextTable.right("achieved/s"), TextTable.right("kept"), TextTable.right("p50"), TextTable.right("p90"),
                TextTable.right("p99"), TextTable.right("errors")).withIndent(2);
        int i = 1;
        for (StageResult s : r.stages()) {
            LatencySummary l = s.latency();
            boolean none = l.count() == 0;
            t.row(Integer.toString(i++), String.format(Locale.ROOT, "%.0f-%.0f", s.startSeconds(), s.startSeconds() + s.lengthSeconds()),
                    RateFormat.number(s.targetPerSecond(), Locale.ROOT), RateFormat.number(s.achievedPerSecond(), Locale.ROOT), Numbers.percent(s.achievedFraction(), 1),
                    none ? "none" : LatencyTable.cell(l, 50, l.p50Micros()), none ? "" : LatencyTable.cell(l, 90, l.p90Micros()),
                    none ? "" : LatencyTable.cell(l, 99, l.p99Micros()), Numbers.count(s.errors()));
        }
        out.print(t.render());
        note("(per stage: achieved = completions inside the stage of requests intended inside it; latency and errors of those requests)");
    }

    private void thresholds(LoadResult r) {
        out.println();
        for (ThresholdResult t : r.thresholds()) {
            field("Threshold", (t.passed() ? "PASS " : "FAIL ") + t.threshold() + ": " + actual(t));
        }
        if (r.aborted()) {
            field("ABORTED", "a threshold failed " + DurationFormat.seconds(r.measuredSeconds()) + " into the window (--abort-on-fail):"
                    + " these figures cover that shortened window");
        }
    }

    /** @return a threshold's measured value in its own unit: {@code was 4.06 ms}, {@code was 0.100%}, {@code was ≥ 2.00 s (a lower bound: ...)} */
    static String actual(ThresholdResult t) {
        if (Double.isNaN(t.actual())) {
            return "nothing to measure";
        }
        Threshold.Metric m = t.threshold().metric();
        String v;
        if (m.isLatency()) {
            v = DurationFormat.micros(t.actual());
        } else if (m == Threshold.Metric.ERRORS) {
            v = Numbers.percent(t.actual(), 3);
        } else if (m == Threshold.Metric.RATE) {
            v = String.format(Locale.ROOT, "%.3f", t.actual());
        } else {
            v = RateFormat.format(t.actual());
        }
        return "was " + (t.lowerBound() ? LatencyTable.AT_LEAST : "") + v
                + (t.lowerBound() && !t.passed() ? " (a lower bound: censored values)" : "");
    }

    /** @return {@code none}, or the total and each class: {@code 50 (timeout 10, HTTP 503: 40)} */
    static String errors(ErrorCounts e) {
        if (e.total() == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        add(parts, "connect ", e.connect());
        add(parts, "read ", e.read());
        add(parts, "write ", e.write());
        add(parts, "timeout ", e.timeout());
        for (Map.Entry<Integer, Long> s : e.statusByCode().entrySet()) {
            add(parts, "HTTP " + s.getKey() + ": ", s.getValue());
        }
        return Numbers.count(e.total()) + " (" + String.join(", ", parts) + ")";
    }

    private static void add(List<String> parts, String label, long n) {
        if (n > 0) {
            parts.add(label + Numbers.count(n));
        }
    }

    private void verdict(GeneratorHealth h) {
        if (h.bound()) {
            for (String w : h.warnings()) {
                field("WARNING", "generator-bound: " + w + ".");
            }
        } else {
            field("Verdict", "the generator kept up: these numbers describe the server.");
        }
    }

    /** One line of the summary: its label in the first 11 columns after the indent, then its text. */
    private void field(String label, String text) {
        out.println(Field.line(label, text));
    }

    /** A note under a table, starting where the fields' texts start. */
    private void note(String text) {
        out.println(Field.note(text));
    }
}
