package dev.stackbench.cli;

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
        show(String.format(Locale.ROOT, "  warming up %4.0fs / %.0fs (not recorded)", elapsedSeconds, warmupSeconds));
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
        show(String.format(Locale.ROOT, "  %5.0fs / %.0fs   %,12.0f req/s   p99 %s   errors %,d",
                elapsed, durationSeconds, s.rate(), SummaryPrinter.micros(cumulativeP99Micros), errors));
    }

    private void show(String line) {
        err.print("\r\033[2K" + line);
        err.flush();
    }
}
