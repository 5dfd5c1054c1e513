package dev.stackbench.loadgen.ws;

import dev.stackbench.loadgen.Defaults;
import dev.stackbench.loadgen.IntervalSample;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Collects the loops' latency recorders and counters once per interval into an interval and a
 * cumulative histogram. Used only by the thread that runs the load.
 */
final class WsSampler {
    private final List<WsLoop> loops;
    private final List<WsCounters> allCounters;
    private final Histogram[] recycle;
    private final Histogram interval;
    private final Histogram total;
    private long errorsSoFar;

    WsSampler(List<WsLoop> loops, List<WsCounters> allCounters, long highestMicros) {
        this.loops = loops;
        this.allCounters = allCounters;
        this.recycle = new Histogram[loops.size()];
        this.interval = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.total = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        // connection failures before the load are in the result's errors, not in its first second
        this.errorsSoFar = allCounters.stream().mapToLong(WsCounters::errors).sum();
    }

    /** Takes everything recorded since the previous sample; the wall-clock stamps go on the interval histogram. */
    IntervalSample sample(double startSeconds, double lengthSeconds, long startEpochMillis, long endEpochMillis) {
        interval.reset();
        for (int i = 0; i < loops.size(); i++) {
            recycle[i] = loops.get(i).latencyRecorder().getIntervalHistogram(recycle[i]);
            interval.add(recycle[i]);
        }
        interval.setStartTimeStamp(startEpochMillis);
        interval.setEndTimeStamp(endEpochMillis);
        total.add(interval);
        long errors = allCounters.stream().mapToLong(WsCounters::errors).sum();
        long intervalErrors = errors - errorsSoFar;
        errorsSoFar = errors;
        long p99 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99);
        return new IntervalSample(startSeconds, lengthSeconds, interval.getTotalCount(), intervalErrors, p99);
    }

    Histogram interval() { return interval; }
    Histogram total() { return total; }
}
