package dev.stackbench.loadgen;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Collects the loops' recorders and counters once per interval into interval and cumulative
 * histograms. Used only by the thread that runs the load.
 */
final class Sampler {
    private final List<Loop> loops;
    private final boolean open;
    private final Histogram[] latencyRecycle;
    private final Histogram[] serviceRecycle;
    private final Histogram intervalLatency;
    private final Histogram intervalService;
    private final Histogram totalLatency;
    private final Histogram totalService;
    private long errorsSoFar;

    Sampler(List<Loop> loops, boolean open, long highestMicros) {
        this.loops = loops;
        this.open = open;
        this.latencyRecycle = new Histogram[loops.size()];
        this.serviceRecycle = new Histogram[loops.size()];
        this.intervalLatency = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.intervalService = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.totalLatency = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.totalService = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
    }

    /**
     * Takes everything recorded since the previous sample.
     *
     * @param startEpochMillis wall-clock start of the interval, stamped on the interval histograms
     * @param endEpochMillis   wall-clock end of the interval
     */
    IntervalSample sample(double startSeconds, double lengthSeconds, long startEpochMillis, long endEpochMillis) {
        intervalLatency.reset();
        intervalService.reset();
        for (int i = 0; i < loops.size(); i++) {
            latencyRecycle[i] = loops.get(i).latencyRecorder().getIntervalHistogram(latencyRecycle[i]);
            intervalLatency.add(latencyRecycle[i]);
            if (open) {
                serviceRecycle[i] = loops.get(i).serviceRecorder().getIntervalHistogram(serviceRecycle[i]);
                intervalService.add(serviceRecycle[i]);
            }
        }
        intervalLatency.setStartTimeStamp(startEpochMillis);
        intervalLatency.setEndTimeStamp(endEpochMillis);
        intervalService.setStartTimeStamp(startEpochMillis);
        intervalService.setEndTimeStamp(endEpochMillis);
        totalLatency.add(intervalLatency);
        totalService.add(intervalService);
        long errors = loops.stream().mapToLong(l -> l.counters().errors()).sum();
        long intervalErrors = errors - errorsSoFar;
        errorsSoFar = errors;
        long p99 = intervalLatency.getTotalCount() == 0 ? 0 : intervalLatency.getValueAtPercentile(99);
        return new IntervalSample(startSeconds, lengthSeconds, intervalLatency.getTotalCount(), intervalErrors, p99);
    }

    Histogram intervalLatency() { return intervalLatency; }
    Histogram intervalService() { return intervalService; }
    Histogram totalLatency() { return totalLatency; }
    Histogram totalService() { return totalService; }
}
