package dev.stackbench.loadgen;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The histograms one event loop records into, microseconds, per request kind: responses that
 * passed (status 200..399) and responses that did not, censored values (timeouts, unsent), service
 * times (open model); and its own health (send lag, hiccups). The loop's thread writes; the
 * sampling thread reads (HdrHistogram's {@link SingleWriterRecorder}: no lock and no allocation on
 * the write side). A request is recorded once, in its kind; the run's totals are the kinds' sum.
 *
 * <p>With a rate schedule, also per stage (by intended time): every latency and the censored ones,
 * in plain histograms the loop alone writes and that are read only after it drained.
 */
final class LoopRecorders {
    private static final int SUCCESS = 0;
    private static final int ERROR = 1;
    private static final int CENSORED = 2;
    private static final int SERVICE = 3;
    private static final int KINDS_OF_VALUE = 4;

    private final long highestMicros;
    private final SingleWriterRecorder[][] byKind; // [kind][SUCCESS..SERVICE]
    private final SingleWriterRecorder sendLag;
    private final SingleWriterRecorder hiccup;
    private final Histogram[] stageLatency;
    private final Histogram[] stageCensored;
    // the sampling thread's recycled interval histograms, one per recorder
    private final Histogram[][] recycle;
    // what was recorded from the last sample up to the window's end, taken by the loop at the end
    private volatile Histogram[][] atEnd;

    LoopRecorders(long highestMicros, int kinds, int stages) {
        this.highestMicros = highestMicros;
        this.byKind = new SingleWriterRecorder[kinds][KINDS_OF_VALUE];
        this.recycle = new Histogram[kinds][KINDS_OF_VALUE];
        for (int k = 0; k < kinds; k++) {
            for (int v = 0; v < KINDS_OF_VALUE; v++) {
                byKind[k][v] = recorder();
            }
        }
        this.sendLag = recorder();
        this.hiccup = recorder();
        this.stageLatency = new Histogram[stages];
        this.stageCensored = new Histogram[stages];
        for (int s = 0; s < stages; s++) {
            stageLatency[s] = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
            stageCensored[s] = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        }
    }

    private SingleWriterRecorder recorder() {
        return new SingleWriterRecorder(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
    }

    private long micros(long nanos) {
        return Math.min(highestMicros, Math.max(1, nanos / 1000));
    }

    // ---- the loop's thread ----------------------------------------------------------------------

    /**
     * @param stage        the stage of the request's intended time, or -1 without a schedule
     * @param serviceNanos from the actual send, or negative when not recorded (closed model)
     */
    void response(int kind, int stage, boolean passing, long latencyNanos, long serviceNanos) {
        long us = micros(latencyNanos);
        byKind[kind][passing ? SUCCESS : ERROR].recordValue(us);
        if (serviceNanos >= 0) {
            byKind[kind][SERVICE].recordValue(micros(serviceNanos));
        }
        if (stage >= 0) {
            stageLatency[stage].recordValue(us);
        }
    }

    void censored(int kind, int stage, long latencyNanos) {
        long us = micros(latencyNanos);
        byKind[kind][CENSORED].recordValue(us);
        if (stage >= 0) {
            stageLatency[stage].recordValue(us);
            stageCensored[stage].recordValue(us);
        }
    }

    void sendLag(long lagNanos) {
        sendLag.recordValue(Math.min(highestMicros, Math.max(0, lagNanos / 1000)));
    }

    void hiccup(long latenessNanos) {
        hiccup.recordValue(Math.min(highestMicros, latenessNanos / 1000));
    }

    /** Takes what was recorded since the last sample, at the window's end (loop thread, once). */
    void takeAtEnd() {
        Histogram[][] taken = new Histogram[byKind.length][KINDS_OF_VALUE];
        for (int k = 0; k < byKind.length; k++) {
            for (int v = 0; v < KINDS_OF_VALUE; v++) {
                taken[k][v] = byKind[k][v].getIntervalHistogram();
            }
        }
        atEnd = taken;
    }

    // ---- the sampling thread ----------------------------------------------------------------

    /**
     * Adds what kind {@code kind} recorded since the previous call into the given histograms.
     */
    void addInterval(int kind, Histogram successInto, Histogram errorInto, Histogram censoredInto, Histogram serviceInto) {
        Histogram[] into = {successInto, errorInto, censoredInto, serviceInto};
        for (int v = 0; v < KINDS_OF_VALUE; v++) {
            recycle[kind][v] = byKind[kind][v].getIntervalHistogram(recycle[kind][v]);
            into[v].add(recycle[kind][v]);
        }
    }

    /** Adds what the loop took at the window's end for {@code kind}; call after the loop's window ended. */
    void addAtEnd(int kind, Histogram successInto, Histogram errorInto, Histogram censoredInto, Histogram serviceInto) {
        Histogram[] h = atEnd[kind];
        successInto.add(h[SUCCESS]);
        errorInto.add(h[ERROR]);
        censoredInto.add(h[CENSORED]);
        serviceInto.add(h[SERVICE]);
    }

    /** Adds everything of the generator's own health recorded so far. */
    void addHealth(Histogram sendLagInto, Histogram hiccupInto) {
        sendLagInto.add(sendLag.getIntervalHistogram());
        hiccupInto.add(hiccup.getIntervalHistogram());
    }

    /** Adds stage {@code stage}'s latencies and censored values; call only after the loop drained. */
    void addStage(int stage, Histogram latencyInto, Histogram censoredInto) {
        latencyInto.add(stageLatency[stage]);
        censoredInto.add(stageCensored[stage]);
    }
}
