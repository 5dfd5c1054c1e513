package dev.stackbench.loadgen;

/**
 * How requests are issued.
 *
 * <ul>
 *   <li>{@link Closed}: every connection sends its next request as soon as the previous response
 *       is complete (wrk, autocannon). Throughput is whatever the server sustains; latency is the
 *       service time and hides queueing (coordinated omission).</li>
 *   <li>{@link Open}: requests arrive at a constant rate on a schedule fixed in advance (wrk2, k6
 *       arrival-rate). Latency is timed from each request's intended send time, so a stalled
 *       server shows up as the waits its users would see.</li>
 * </ul>
 */
public sealed interface LoadModel permits LoadModel.Closed, LoadModel.Open {

    /** Closed model: as fast as the connections allow. */
    record Closed() implements LoadModel {
        @Override
        public String toString() {
            return "closed";
        }
    }

    /**
     * Open model at a constant arrival rate.
     *
     * @param ratePerSecond requests per second, across all connections; finite and &gt; 0
     */
    record Open(double ratePerSecond) implements LoadModel {
        public Open {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be a positive number of requests per second, got " + ratePerSecond);
            }
        }

        @Override
        public String toString() {
            return "open at " + ratePerSecond + "/s";
        }
    }
}
