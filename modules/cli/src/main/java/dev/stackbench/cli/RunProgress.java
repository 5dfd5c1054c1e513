package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.SizeFormat;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.runner.RunListener;
import dev.stackbench.results.Trial;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What a run shows while it goes. On a terminal: one updating line with an overall bar, the ETA,
 * the current contestant/workload/level and the live rate and p99. Otherwise: one plain line per
 * step and per trial, for logs.
 */
public final class RunProgress implements RunListener {
    private final PrintWriter out;
    private final boolean terminal;
    private int plannedTrials;
    private final long startNanos = System.nanoTime();
    private int doneTrials;
    private String current = "";
    private boolean lineOpen;

    /**
     * @param plannedTrials trials the plan holds (curve steps not counted, so the ETA is a lower bound)
     */
    public RunProgress(PrintWriter out, boolean terminal, int plannedTrials) {
        this.out = out;
        this.terminal = terminal;
        this.plannedTrials = Math.max(1, plannedTrials);
    }

    /** @param trials the trials planned, for the bar and the ETA */
    public void plan(int trials) {
        this.plannedTrials = Math.max(1, trials);
    }

    /** A step that is not a trial: starting, verifying, stopping a contestant. */
    @Override
    public void step(String message) {
        clearLine();
        out.println(message);
        out.flush();
    }

    @Override
    public void trialStarted(String contestant, String workload, String level, int trial, int trials) {
        current = String.format(Locale.ROOT, "%s %s %s trial %d/%d", contestant, workload, level, trial, trials);
        show("warming up");
    }

    @Override
    public void trialFinished(Trial t, boolean counted) {
        if (counted) {
            doneTrials++;
        }
        clearLine();
        out.printf(Locale.ROOT, "  %-40s %12s req/s  p50 %9s  p99 %9s  errors %,d  server %.2f cores, %s RSS%s%n", current,
                RateFormat.number(t.throughputPerSecond(), Locale.ROOT), DurationFormat.micros(t.latencyMicros().p50()),
                DurationFormat.micros(t.latencyMicros().p99()), t.errors().total(), t.server().cpuCores(),
                SizeFormat.format(t.server().rssPeakBytes()), t.generator().bound() ? "  [generator-bound]" : "");
        out.flush();
    }

    @Override
    public void warmingUp(double elapsedSeconds, double warmupSeconds) {
        show("warming up " + seconds(elapsedSeconds) + "/" + seconds(warmupSeconds));
    }

    @Override
    public void interval(IntervalSample s, Histogram latencyInterval, Histogram serviceInterval, long cumulativeP99Micros) {
        show(RateFormat.format(s.rate()) + "  p99 " + DurationFormat.micros(cumulativeP99Micros));
    }

    private void show(String live) {
        if (!terminal) {
            return;
        }
        int width = 20;
        int filled = Math.min(width, doneTrials * width / plannedTrials);
        long elapsed = System.nanoTime() - startNanos;
        String eta = doneTrials == 0 ? "?" : seconds(elapsed / 1e9 / doneTrials * Math.max(0, plannedTrials - doneTrials));
        out.print("\r\033[2K[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + doneTrials + "/" + plannedTrials
                + " ETA " + eta + "  " + current + "  " + live);
        out.flush();
        lineOpen = true;
    }

    private void clearLine() {
        if (terminal && lineOpen) {
            out.print("\r\033[2K");
            lineOpen = false;
        }
    }

    /** @return whole seconds in the one duration dialect: {@code 7s}, {@code 4m5s} */
    static String seconds(double seconds) {
        return DurationFormat.format(Duration.ofSeconds(Math.round(seconds)));
    }

}
