package dev.stackbench.loadgen;

/**
 * One second (or the final, shorter interval) of the measured run.
 *
 * @param startSeconds    start of the interval, seconds since the measured interval began
 * @param lengthSeconds   length of the interval in seconds
 * @param requests        responses recorded in the interval
 * @param errors          errors of any class in the interval
 * @param p99Micros       99th percentile latency of the interval, microseconds (0 when empty)
 */
public record IntervalSample(double startSeconds, double lengthSeconds, long requests, long errors, long p99Micros) {

    /** @return requests per second in this interval */
    public double rate() {
        return lengthSeconds <= 0 ? 0 : requests / lengthSeconds;
    }
}
