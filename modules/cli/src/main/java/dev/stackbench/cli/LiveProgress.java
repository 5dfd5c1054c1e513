package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One updating line on a terminal: elapsed, rate, p99 so far, errors. Only used when the output is
 * a terminal; the line is erased before the summary is printed.
 */
final class LiveProgress implements ProgressListener {
    private final PrintWriter err;
    private final double durationSeconds;
    private long errors;

    LiveProgress(PrintWriter err, Duration duration) {
        this.err = err;
        this.durationSeconds = duration.toNanos() / 1e9;
    }

    @Override
    public void warmingUp(double elapsedSeconds, double warmupSeconds) {
        show("  warming up " + RunProgress.seconds(elapsedSeconds) + " / " + RunProgress.seconds(warmupSeconds) + " (not recorded)");
    }

    @Override
    public void interval(IntervalSample s, Histogram latencyInterval, Histogram serviceInterval, long cumulativeP99Micros) {
        errors += s.errors();
        double elapsed = s.startSeconds() + s.lengthSeconds();
        if (elapsed >= durationSeconds - 1e-6) {
            err.print("\r\033[2K");
            err.flush();
            return;
        }
        show(String.format(Locale.ROOT, "  %6s / %s   %18s   p99 %s   errors %,d", RunProgress.seconds(elapsed),
                RunProgress.seconds(durationSeconds), RateFormat.format(s.rate()), DurationFormat.micros(cumulativeP99Micros), errors));
    }

    private void show(String line) {
        err.print("\r\033[2K" + line);
        err.flush();
    }
}
