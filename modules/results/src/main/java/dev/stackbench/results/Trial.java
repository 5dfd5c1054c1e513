package dev.stackbench.results;

import java.util.Objects;

/**
 * One measured interval of one contestant x workload x load level, after warm-up.
 *
 * <p>Counting rules: {@code requests} counts every response received, whatever its status;
 * {@code throughputPerSecond} counts only successful (2xx, passing the workload's check)
 * responses per second, so a contestant cannot win by failing fast; non-2xx responses are in
 * {@link Errors#status()}, requests that got no response in the other {@link Errors} counters.
 *
 * @param contestant the contestant id
 * @param workload the workload name
 * @param level the load level
 * @param trial the trial index within its cell, 1-based
 * @param durationSeconds the measured length of the trial in seconds, > 0
 * @param requests responses received in the trial (any status)
 * @param throughputPerSecond successful responses per second
 * @param latencyMicros response time in microseconds; in the open model timed from the
 *     intended send time (no coordinated omission)
 * @param serviceTimeMicros open model only: from the actual send to the response, in
 *     microseconds; null in the closed model
 * @param errors failures by kind
 * @param server resource use of the contestant during the trial
 * @param generator the generator's own health during the trial
 * @param histogramLog path of the trial's HdrHistogram interval log, relative to the results
 *     directory, '/'-separated (see {@link TrialLogs#relativePath})
 */
public record Trial(
        String contestant,
        String workload,
        LoadLevel level,
        int trial,
        double durationSeconds,
        long requests,
        double throughputPerSecond,
        Percentiles latencyMicros,
        Percentiles serviceTimeMicros,
        Errors errors,
        ServerUsage server,
        GeneratorHealth generator,
        String histogramLog) {

    public Trial {
        Objects.requireNonNull(contestant, "contestant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(level, "level");
        if (trial < 1) {
            throw new IllegalArgumentException("trial index is 1-based, was " + trial);
        }
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("durationSeconds must be > 0, was " + durationSeconds);
        }
        Objects.requireNonNull(latencyMicros, "latencyMicros");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(generator, "generator");
    }
}
