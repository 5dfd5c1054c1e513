package dev.stackbench.loadgen;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The histograms one event loop records into, microseconds: responses that passed (status
 * 200..399) and responses that did not, censored values (timeouts, unsent), service times (open
 * model), and its own health (send lag, hiccups). The loop's thread writes; the sampling thread
 * reads (HdrHistogram's {@link SingleWriterRecorder}: no lock and no allocation on the write side).
 */
final class LoopRecorders {
    private final long highestMicros;
    private final SingleWriterRecorder success;
    private final SingleWriterRecorder error;
    private final SingleWriterRecorder censored;
    private final SingleWriterRecorder service;
    private final SingleWriterRecorder sendLag;
    private final SingleWriterRecorder hiccup;
    // the sampling thread's recycled interval histograms, one per recorder
    private Histogram successRecycle;
    private Histogram errorRecycle;
    private Histogram censoredRecycle;
    private Histogram serviceRecycle;
    // what was recorded from the last sample up to the window's end, taken by the loop at the end
    private volatile Histogram[] atEnd;

    LoopRecorders(long highestMicros) {
        this.highestMicros = highestMicros;
        this.success = recorder();
        this.error = recorder();
        this.censored = recorder();
        this.service = recorder();
        this.sendLag = recorder();
        this.hiccup = recorder();
    }

    private SingleWriterRecorder recorder() {
        return new SingleWriterRecorder(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
    }

    private long micros(long nanos) {
        return Math.min(highestMicros, Math.max(1, nanos / 1000));
    }

    // ---- the loop's thread ----------------------------------------------------------------------

    /** @param serviceNanos from the actual send, or negative when not recorded (closed model) */
    void response(boolean passing, long latencyNanos, long serviceNanos) {
        (passing ? success : error).recordValue(micros(latencyNanos));
        if (serviceNanos >= 0) {
            service.recordValue(micros(serviceNanos));
        }
    }

    void censored(long latencyNanos) {
        censored.recordValue(micros(latencyNanos));
    }

    void sendLag(long lagNanos) {
        sendLag.recordValue(Math.min(highestMicros, Math.max(0, lagNanos / 1000)));
    }

    void hiccup(long latenessNanos) {
        hiccup.recordValue(Math.min(highestMicros, latenessNanos / 1000));
    }

    /** Takes what was recorded since the last sample, at the window's end (loop thread, once). */
    void takeAtEnd() {
        atEnd = new Histogram[] {success.getIntervalHistogram(), error.getIntervalHistogram(),
                censored.getIntervalHistogram(), service.getIntervalHistogram()};
    }

    // ---- the sampling thread ----------------------------------------------------------------

    /** Adds what was recorded since the previous call into the given histograms. */
    void addInterval(Histogram successInto, Histogram errorInto, Histogram censoredInto, Histogram serviceInto) {
        successRecycle = success.getIntervalHistogram(successRecycle);
        errorRecycle = error.getIntervalHistogram(errorRecycle);
        censoredRecycle = censored.getIntervalHistogram(censoredRecycle);
        serviceRecycle = service.getIntervalHistogram(serviceRecycle);
        successInto.add(successRecycle);
        errorInto.add(errorRecycle);
        censoredInto.add(censoredRecycle);
        serviceInto.add(serviceRecycle);
    }

    /** Adds what the loop took at the window's end; call after the loop's window ended. */
    void addAtEnd(Histogram successInto, Histogram errorInto, Histogram censoredInto, Histogram serviceInto) {
        Histogram[] h = atEnd;
        successInto.add(h[0]);
        errorInto.add(h[1]);
        censoredInto.add(h[2]);
        serviceInto.add(h[3]);
    }

    /** Adds everything of the generator's own health recorded so far. */
    void addHealth(Histogram sendLagInto, Histogram hiccupInto) {
        sendLagInto.add(sendLag.getIntervalHistogram());
        hiccupInto.add(hiccup.getIntervalHistogram());
    }
}
