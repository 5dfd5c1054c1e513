package dev.stackbench.results;

import java.time.Instant;
import java.util.Objects;

/**
 * One measurement of the drift reference: a fixed server under a fixed load, measured between
 * rounds so that a change of the machine's speed during the run shows.
 *
 * @param round the round it was measured after (1-based; 0 = before the first round)
 * @param started when its measured interval started (UTC)
 * @param throughputPerSecond successful responses per second
 * @param p99Micros 99th percentile latency, in microseconds
 */
public record ReferenceMeasurement(int round, Instant started, double throughputPerSecond, long p99Micros) {

    public ReferenceMeasurement {
        if (round < 0) {
            throw new IllegalArgumentException("reference.round must be >= 0, was " + round);
        }
        Objects.requireNonNull(started, "started");
    }
}
