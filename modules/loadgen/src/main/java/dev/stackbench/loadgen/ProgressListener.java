package dev.stackbench.loadgen;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Receives the run's progress on the thread that called {@link LoadGenerator#run}. Implementations
 * must be quick; they run between samples.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * Called about once a second during warm-up.
     *
     * @param elapsedSeconds seconds since the load started
     * @param warmupSeconds  the warm-up length in seconds
     */
    default void warmingUp(double elapsedSeconds, double warmupSeconds) {
    }

    /**
     * Called once, right when the measured interval starts (after the warm-up), so that what is
     * sampled beside the load (e.g. the server's CPU) covers the same interval.
     */
    default void measureStarted() {
    }

    /**
     * Called once, right when the measured interval ends (before in-flight requests drain), so that
     * what is sampled beside the load covers exactly the measured interval.
     */
    default void measureEnded() {
    }

    /**
     * Called once per interval of the measured run (about every second, and once for the tail).
     *
     * @param sample            the interval's summary
     * @param latencyInterval   the interval's latency histogram (microseconds): every outcome recorded inside
     *                          the interval, responses of any status and censored values (timeouts; the
     *                          unsent, in the last interval); the drain after the window is in no interval.
     *                          Valid only during the call
     * @param serviceInterval   the interval's service-time histogram; valid only during the call
     * @param cumulativeP99Micros p99 of everything recorded so far
     */
    default void interval(IntervalSample sample, Histogram latencyInterval, Histogram serviceInterval,
                          long cumulativeP99Micros) {
    }

    /**
     * Called for a mix, after {@link #interval}, once per request kind.
     *
     * @param kind            the kind's name ({@link RequestKind#name()})
     * @param latencyInterval the kind's latency in the interval, as {@code latencyInterval} of {@link #interval};
     *                        valid only during the call
     */
    default void kindInterval(String kind, Histogram latencyInterval) {
    }

    /** @return a listener that tells each of {@code listeners}, in order */
    static ProgressListener all(List<ProgressListener> listeners) {
        List<ProgressListener> copy = List.copyOf(listeners);
        return new ProgressListener() {
            @Override
            public void warmingUp(double elapsedSeconds, double warmupSeconds) {
                copy.forEach(l -> l.warmingUp(elapsedSeconds, warmupSeconds));
            }

            @Override
            public void measureStarted() {
                copy.forEach(ProgressListener::measureStarted);
            }

            @Override
            public void measureEnded() {
                copy.forEach(ProgressListener::measureEnded);
            }

            @Override
            public void interval(IntervalSample sample, Histogram latencyInterval, Histogram serviceInterval,
                                 long cumulativeP99Micros) {
                copy.forEach(l -> l.interval(sample, latencyInterval, serviceInterval, cumulativeP99Micros));
            }

            @Override
            public void kindInterval(String kind, Histogram latencyInterval) {
                copy.forEach(l -> l.kindInterval(kind, latencyInterval));
            }
        };
    }
}
