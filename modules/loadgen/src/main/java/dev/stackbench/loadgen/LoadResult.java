package dev.stackbench.loadgen;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run: counts, latency, errors, a per-second timeline, and how the
 * generator fared.
 *
 * @param spec            what was run
 * @param measuredSeconds the measured interval, seconds (excludes warm-up; includes nothing of the drain)
 * @param requests        responses recorded (any status) of requests intended within the interval
 * @param bytesRead       response bytes read in the interval
 * @param latency         open model: from the intended send time; closed: from the actual send
 * @param serviceTime     from the actual send to the complete response (same as latency in closed model)
 * @param latencyHistogram the full latency histogram, microseconds
 * @param serviceHistogram the full service-time histogram, microseconds
 * @param errors          errors by class
 * @param timeline        one sample per second of the measured interval
 * @param health          the generator's own health
 * @param environment     where it ran
 */
public record LoadResult(LoadSpec spec, double measuredSeconds, long requests, long bytesRead,
                         LatencySummary latency, LatencySummary serviceTime,
                         Histogram latencyHistogram, Histogram serviceHistogram, ErrorCounts errors,
                         List<IntervalSample> timeline, GeneratorHealth health, GeneratorEnvironment environment) {
    public LoadResult {
        timeline = List.copyOf(timeline);
    }

    /** @return responses per second over the measured interval */
    public double throughput() {
        return measuredSeconds <= 0 ? 0 : requests / measuredSeconds;
    }
}
