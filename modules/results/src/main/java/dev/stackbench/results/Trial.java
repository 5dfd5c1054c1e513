package dev.stackbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One measured interval of one contestant x workload x load level, after warm-up.
 *
 * <p>Counting rules: {@code requests} counts every response received inside the window,
 * whatever its status; {@code throughputPerSecond} counts only successful (2xx, passing the
 * workload's check) responses completed inside the window per second (open model: to requests
 * intended inside it, so a warm-up backlog answered in the window is not counted and the achieved
 * rate never exceeds the offered one), so a contestant cannot win by failing fast; non-2xx
 * responses are in {@link Errors#status()}, requests that got no response in the other
 * {@link Errors} counters, and (open model) requests that were due but
 * never sent in {@code unsent}.
 *
 * <p>A trial is valid when {@code invalid} is empty. An invalid trial is reported, never ranked.
 *
 * @param contestant the contestant id
 * @param workload the workload name
 * @param level the load level
 * @param trial the trial index within its cell, 1-based
 * @param round the round it ran in, 1-based (every contestant is measured once per round, in a
 *     shuffled order); trials of one round are paired when contestants are compared
 * @param started the start of its measured interval (UTC); null in schema-1 files
 * @param durationSeconds the measured length of the trial in seconds, > 0
 * @param warmupSeconds the warm-up actually used before it, in seconds (it ends when the rate is
 *     stable, or at the plan's cap), >= 0
 * @param requests responses received in the window (any status)
 * @param throughputPerSecond successful responses per second
 * @param unsent open model: requests that were due inside the window but never sent (the
 *     generator or its connections could not keep up); 0 in the closed model
 * @param latencyMicros latency of successful responses, in microseconds, with the trial's
 *     censored values (timeouts, unsent requests) recorded in it; in the open model timed from
 *     the intended send time (no coordinated omission)
 * @param errorLatencyMicros latency of non-success responses (non-2xx or failing the check), in
 *     microseconds; null when there were none or in schema-1 files (where they were mixed into
 *     {@code latencyMicros})
 * @param serviceTimeMicros open model only: from the actual send to the response, in
 *     microseconds; null in the closed model
 * @param errors failures by kind
 * @param server resource use of the contestant (and database) during the window
 * @param generator the generator's own health during the trial
 * @param invalid why the trial is not valid, one reason a line (e.g. {@code contestant crashed:
 *     killed by SIGKILL}, {@code database exited during the trial}, {@code error rate 31.0% > 5%},
 *     {@code generator-bound: ...}); empty when valid
 * @param histogramLog path of the trial's HdrHistogram interval log, relative to the results
 *     directory, '/'-separated (see {@link TrialLogs#relativePath})
 * @param detail what the trial's measurement kind measured beyond these totals (a WebSocket
 *     fan-out, a request mix); null for an ordinary HTTP trial, and then left out of the file
 */
public record Trial(
        String contestant,
        String workload,
        LoadLevel level,
        int trial,
        int round,
        Instant started,
        double durationSeconds,
        double warmupSeconds,
        long requests,
        double throughputPerSecond,
        long unsent,
        Percentiles latencyMicros,
        Percentiles errorLatencyMicros,
        Percentiles serviceTimeMicros,
        Errors errors,
        ServerUsage server,
        GeneratorHealth generator,
        List<String> invalid,
        String histogramLog,
        @JsonInclude(JsonInclude.Include.NON_NULL) TrialDetail detail) {

    public Trial {
        Objects.requireNonNull(contestant, "contestant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(level, "level");
        if (trial < 1) {
            throw new IllegalArgumentException("trial index is 1-based, was " + trial);
        }
        if (round < 1) {
            throw new IllegalArgumentException("round is 1-based, was " + round);
        }
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("durationSeconds must be > 0, was " + durationSeconds);
        }
        if (!(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("warmupSeconds must be >= 0, was " + warmupSeconds);
        }
        if (unsent < 0) {
            throw new IllegalArgumentException("unsent must be >= 0, was " + unsent);
        }
        Objects.requireNonNull(latencyMicros, "latencyMicros");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(generator, "generator");
        invalid = List.copyOf(invalid == null ? List.of() : invalid);
    }

    /** An ordinary HTTP trial: no detail (the schema-2 shape). */
    public Trial(String contestant, String workload, LoadLevel level, int trial, int round, Instant started, double durationSeconds,
            double warmupSeconds, long requests, double throughputPerSecond, long unsent, Percentiles latencyMicros,
            Percentiles errorLatencyMicros, Percentiles serviceTimeMicros, Errors errors, ServerUsage server,
            GeneratorHealth generator, List<String> invalid, String histogramLog) {
        this(contestant, workload, level, trial, round, started, durationSeconds, warmupSeconds, requests, throughputPerSecond,
                unsent, latencyMicros, errorLatencyMicros, serviceTimeMicros, errors, server, generator, invalid, histogramLog, null);
    }

    /** @return the same trial, invalid for these reasons too (kept in the results, never ranked) */
    public Trial withInvalid(List<String> reasons) {
        List<String> all = new java.util.ArrayList<>(invalid);
        all.addAll(reasons);
        return new Trial(contestant, workload, level, trial, round, started, durationSeconds, warmupSeconds, requests,
                throughputPerSecond, unsent, latencyMicros, errorLatencyMicros, serviceTimeMicros, errors, server, generator, all,
                histogramLog, detail);
    }

    /**
     * The schema-1 shape, for callers not yet updated to schema 2: round = trial index, start
     * unknown, no warm-up recorded, nothing unsent, no error latency, valid.
     */
    public Trial(String contestant, String workload, LoadLevel level, int trial, double durationSeconds,
            long requests, double throughputPerSecond, Percentiles latencyMicros, Percentiles serviceTimeMicros,
            Errors errors, ServerUsage server, GeneratorHealth generator, String histogramLog) {
        this(contestant, workload, level, trial, trial, null, durationSeconds, 0, requests, throughputPerSecond, 0,
                latencyMicros, null, serviceTimeMicros, errors, server, generator, List.of(), histogramLog, null);
    }

    /** @return whether the trial may be ranked: no reason makes it invalid */
    public boolean valid() {
        return invalid.isEmpty();
    }
}
