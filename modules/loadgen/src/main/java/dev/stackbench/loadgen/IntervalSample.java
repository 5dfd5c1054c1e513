package dev.stackbench.loadgen;

/**
 * One second (or the final, shorter interval) of the measured run.
 *
 * @param startSeconds    start of the interval, seconds since the measured interval began
 * @param lengthSeconds   length of the interval in seconds
 * @param requests        responses (any status) completed inside the interval (open model: to requests
 *                        intended inside the measured window)
 * @param errors          errors of any class counted inside the interval
 * @param p99Micros       99th percentile of the latencies recorded inside the interval (responses,
 *                        timeouts and, in the last interval, the unsent), microseconds (0 when empty)
 */
public record IntervalSample(double startSeconds, double lengthSeconds, long requests, long errors, long p99Micros) {

    /** @return requests per second in this interval */
    public double rate() {
        return lengthSeconds <= 0 ? 0 : requests / lengthSeconds;
    }
}
