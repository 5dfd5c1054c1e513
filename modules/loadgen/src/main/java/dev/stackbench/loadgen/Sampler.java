package dev.stackbench.loadgen;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Collects the loops' recorders and counters once per interval into interval and cumulative
 * histograms, per request kind and in total. Used only by the thread that runs the load.
 *
 * <p>The cumulative latency histograms hold every outcome of a request intended inside the window:
 * the intervals' and, after {@link #addDrain()}, those of the requests that were in flight at the
 * end. The intervals (timeline, interval log) hold only what happened inside them.
 */
final class Sampler {
    private final List<Loop> loops;
    private final int kinds;
    private final Histogram intervalSuccess;
    private final Histogram intervalError;
    private final Histogram intervalCensored;
    private final Histogram intervalService;
    private final Histogram intervalLatency;
    private final Histogram[] intervalKindLatency;
    private final Histogram totalSuccess;
    private final Histogram totalError;
    private final Histogram totalCensored;
    private final Histogram totalService;
    private final Histogram[] kindSuccess;
    private final Histogram[] kindError;
    private final Histogram[] kindCensored;
    private final Histogram scratchSuccess;
    private final Histogram scratchError;
    private final Histogram scratchCensored;
    private final Histogram sendLag;
    private final Histogram hiccups;
    private final long highestMicros;
    private long completionsSoFar;
    private long errorsSoFar;

    Sampler(List<Loop> loops, long highestMicros, int kinds) {
        this.loops = loops;
        this.kinds = kinds;
        this.highestMicros = highestMicros;
        this.intervalSuccess = histogram();
        this.intervalError = histogram();
        this.intervalCensored = histogram();
        this.intervalService = histogram();
        this.intervalLatency = histogram();
        this.totalSuccess = histogram();
        this.totalError = histogram();
        this.totalCensored = histogram();
        this.totalService = histogram();
        this.scratchSuccess = histogram();
        this.scratchError = histogram();
        this.scratchCensored = histogram();
        this.intervalKindLatency = new Histogram[kinds];
        this.kindSuccess = new Histogram[kinds];
        this.kindError = new Histogram[kinds];
        this.kindCensored = new Histogram[kinds];
        for (int k = 0; k < kinds; k++) {
            intervalKindLatency[k] = histogram();
            kindSuccess[k] = histogram();
            kindError[k] = histogram();
            kindCensored[k] = histogram();
        }
        this.sendLag = histogram();
        this.hiccups = histogram();
    }

    private Histogram histogram() {
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
        for (int k = 0; k < kinds; k++) {
            scratchSuccess.reset();
            scratchError.reset();
            scratchCensored.reset();
            for (Loop l : loops) {
                if (last) {
                    l.recorders().addAtEnd(k, scratchSuccess, scratchError, scratchCensored, intervalService);
                } else {
                    l.recorders().addInterval(k, scratchSuccess, scratchError, scratchCensored, intervalService);
                }
            }
            Histogram kl = intervalKindLatency[k];
            kl.reset();
            kl.add(scratchSuccess);
            kl.add(scratchError);
            kl.add(scratchCensored);
            kl.setStartTimeStamp(startEpochMillis);
            kl.setEndTimeStamp(endEpochMillis);
            intervalSuccess.add(scratchSuccess);
            intervalError.add(scratchError);
            intervalCensored.add(scratchCensored);
            kindSuccess[k].add(scratchSuccess);
            kindError[k].add(scratchError);
            kindCensored[k].add(scratchCensored);
        }
        for (Loop l : loops) {
            errors += last ? l.counters().errorsAtEnd() : l.counters().errors();
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
        Histogram v = histogram();
        for (int k = 0; k < kinds; k++) {
            scratchSuccess.reset();
            scratchError.reset();
            scratchCensored.reset();
            for (Loop l : loops) {
                l.recorders().addInterval(k, scratchSuccess, scratchError, scratchCensored, v);
            }
            kindSuccess[k].add(scratchSuccess);
            kindError[k].add(scratchError);
            kindCensored[k].add(scratchCensored);
            totalSuccess.add(scratchSuccess);
            totalError.add(scratchError);
            totalCensored.add(scratchCensored);
        }
        for (Loop l : loops) {
            l.recorders().addHealth(sendLag, hiccups);
        }
        totalService.add(v);
    }

    /** @return every latency of the window: successes, errors and censored values */
    Histogram totalLatency() {
        Histogram all = totalSuccess.copy();
        all.add(totalError);
        all.add(totalCensored);
        return all;
    }

    /** @return kind {@code k}'s latencies so far: successes, errors and censored values */
    Histogram kindLatency(int k) {
        Histogram all = kindSuccess[k].copy();
        all.add(kindError[k]);
        all.add(kindCensored[k]);
        return all;
    }

    Histogram kindSuccess(int k) { return kindSuccess[k]; }
    Histogram kindError(int k) { return kindError[k]; }
    Histogram kindCensored(int k) { return kindCensored[k]; }
    /** @return kind {@code k}'s latency in the last interval; valid until the next sample */
    Histogram intervalKindLatency(int k) { return intervalKindLatency[k]; }
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
