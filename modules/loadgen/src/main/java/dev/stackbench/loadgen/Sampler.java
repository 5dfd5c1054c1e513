package dev.stackbench.loadgen;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Collects the loops' recorders and counters once per interval into interval and cumulative
 * histograms. Used only by the thread that runs the load.
 *
 * <p>The cumulative latency histograms hold every outcome of a request intended inside the window:
 * the intervals' and, after {@link #addDrain()}, those of the requests that were in flight at the
 * end. The intervals (timeline, interval log) hold only what happened inside them.
 */
final class Sampler {
    private final List<Loop> loops;
    private final Histogram intervalSuccess;
    private final Histogram intervalError;
    private final Histogram intervalCensored;
    private final Histogram intervalService;
    private final Histogram intervalLatency;
    private final Histogram totalSuccess;
    private final Histogram totalError;
    private final Histogram totalCensored;
    private final Histogram totalService;
    private final Histogram sendLag;
    private final Histogram hiccups;
    private long completionsSoFar;
    private long errorsSoFar;

    Sampler(List<Loop> loops, long highestMicros) {
        this.loops = loops;
        this.intervalSuccess = histogram(highestMicros);
        this.intervalError = histogram(highestMicros);
        this.intervalCensored = histogram(highestMicros);
        this.intervalService = histogram(highestMicros);
        this.intervalLatency = histogram(highestMicros);
        this.totalSuccess = histogram(highestMicros);
        this.totalError = histogram(highestMicros);
        this.totalCensored = histogram(highestMicros);
        this.totalService = histogram(highestMicros);
        this.sendLag = histogram(highestMicros);
        this.hiccups = histogram(highestMicros);
    }

    private static Histogram histogram(long highestMicros) {
        return new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
    }

    /**
     * Takes everything recorded since the previous sample.
     *
     * @param last             whether this is the window's last interval: then it takes what each
     *                         loop set aside at the window's end (call after every loop's window ended)
     * @param startEpochMillis wall-clock start of the interval, stamped on the interval histograms
     * @param endEpochMillis   wall-clock end of the interval
     */
    IntervalSample sample(double startSeconds, double lengthSeconds, long startEpochMillis, long endEpochMillis, boolean last) {
        intervalSuccess.reset();
        intervalError.reset();
        intervalCensored.reset();
        intervalService.reset();
        intervalLatency.reset();
        long completions = 0;
        long errors = 0;
        for (Loop l : loops) {
            if (last) {
                l.recorders().addAtEnd(intervalSuccess, intervalError, intervalCensored, intervalService);
                errors += l.counters().errorsAtEnd();
            } else {
                l.recorders().addInterval(intervalSuccess, intervalError, intervalCensored, intervalService);
                errors += l.counters().errors();
            }
            completions += l.counters().get(LoopCounters.COMPLETIONS);
        }
        intervalLatency.add(intervalSuccess);
        intervalLatency.add(intervalError);
        intervalLatency.add(intervalCensored);
        for (Histogram h : List.of(intervalLatency, intervalService)) {
            h.setStartTimeStamp(startEpochMillis);
            h.setEndTimeStamp(endEpochMillis);
        }
        totalSuccess.add(intervalSuccess);
        totalError.add(intervalError);
        totalCensored.add(intervalCensored);
        totalService.add(intervalService);
        long intervalErrors = errors - errorsSoFar;
        errorsSoFar = errors;
        long intervalCompletions = completions - completionsSoFar;
        completionsSoFar = completions;
        long p99 = intervalLatency.getTotalCount() == 0 ? 0 : intervalLatency.getValueAtPercentile(99);
        return new IntervalSample(startSeconds, lengthSeconds, intervalCompletions, intervalErrors, p99);
    }

    /** Adds what the loops recorded after the window's end (the drain) to the totals only; call once every loop drained. */
    void addDrain() {
        Histogram s = histogram(totalSuccess.getHighestTrackableValue());
        Histogram e = histogram(totalSuccess.getHighestTrackableValue());
        Histogram c = histogram(totalSuccess.getHighestTrackableValue());
        Histogram v = histogram(totalSuccess.getHighestTrackableValue());
        for (Loop l : loops) {
            l.recorders().addInterval(s, e, c, v);
            l.recorders().addHealth(sendLag, hiccups);
        }
        totalSuccess.add(s);
        totalError.add(e);
        totalCensored.add(c);
        totalService.add(v);
    }

    /** @return every latency of the window: successes, errors and censored values */
    Histogram totalLatency() {
        Histogram all = totalSuccess.copy();
        all.add(totalError);
        all.add(totalCensored);
        return all;
    }

    Histogram intervalLatency() { return intervalLatency; }
    Histogram intervalService() { return intervalService; }
    Histogram totalSuccess() { return totalSuccess; }
    Histogram totalError() { return totalError; }
    Histogram totalCensored() { return totalCensored; }
    Histogram totalService() { return totalService; }
    /** @return open model: every fresh send's lag behind its intended time, microseconds (after {@link #addDrain()}) */
    Histogram sendLag() { return sendLag; }
    /** @return every hiccup-probe tick's lateness, microseconds (after {@link #addDrain()}) */
    Histogram hiccups() { return hiccups; }
}
