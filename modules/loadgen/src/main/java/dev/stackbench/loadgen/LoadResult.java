package dev.stackbench.loadgen;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run: counts, latency, errors, a per-second timeline, and how the
 * generator fared.
 *
 * <p>Two kinds of figure. Per time, over the measured window {@code [start, end)}: {@code requests},
 * {@code successes}, {@link #throughput()}, {@code bytesRead}, the timeline; in the open model these
 * count only responses to requests intended inside the window as well (a warm-up backlog answered
 * inside the window is not the window's), so {@code requests} never exceeds the requests the window
 * intended and {@link #achievedFraction()} exceeds 1 only by the schedule's rounding (or, with
 * Poisson arrivals, by their sampling). Per request intended inside the window,
 * whenever its outcome came (in flight at the end: drained for at most one timeout): the latency
 * histograms and the errors. Latency is from the intended send time in open model, from the
 * actual send in closed model; all histograms in microseconds.
 *
 * @param spec            what was run
 * @param warmupSeconds   the warm-up actually used, seconds
 * @param warmupEnd       how the warm-up ended: fixed length, stable rate, or its cap
 * @param measuredSeconds the measured window, seconds
 * @param requests        responses (any status) completed inside the window (open model: to requests
 *                        intended inside it)
 * @param successes       those of {@code requests} with status 200..399
 * @param bytesRead       response bytes read inside the window
 * @param unsent          open model: requests intended inside the window still waiting for a connection at its
 *                        end (never sent: sends stop at the end); each is a censored value in the latency
 * @param latency         every request: responses of any status and censored values (timeouts at
 *                        {@code sent + timeout - intended}, unsent at {@code end - intended})
 * @param successLatency  responses with status 200..399 only
 * @param errorLatency    responses with another status only
 * @param serviceTime     from the actual send to the complete response, any status (same as the
 *                        responses' latency in closed model)
 * @param latencyHistogram  every request, as {@code latency}
 * @param successHistogram  as {@code successLatency}
 * @param errorHistogram    as {@code errorLatency}
 * @param censoredHistogram the censored values alone (also in {@code latencyHistogram})
 * @param serviceHistogram  as {@code serviceTime}
 * @param errors          errors by class
 * @param timeline        one sample per second of the measured window (the last one may be shorter);
 *                        each holds only what happened inside it
 * @param health          the generator's own health
 * @param environment     where it ran
 * @param kinds           per request kind, in the spec's order (one kind: the same figures as the totals)
 * @param stages          per stage of a rate schedule, in order; empty without one
 * @param thresholds      each of the spec's thresholds, evaluated on the whole window, in the spec's order
 * @param aborted         whether the run ended early because a threshold failed ({@link LoadSpec#abortOnFail()});
 *                        {@code measuredSeconds} is then the shortened window
 * @param connection      the protocol spoken (HTTP/1.1, h2, h2c), TLS and its handshakes
 */
public record LoadResult(LoadSpec spec, double warmupSeconds, Warmup.End warmupEnd, double measuredSeconds,
                         long requests, long successes, long bytesRead, long unsent,
                         LatencySummary latency, LatencySummary successLatency, LatencySummary errorLatency,
                         LatencySummary serviceTime, Histogram latencyHistogram, Histogram successHistogram,
                         Histogram errorHistogram, Histogram censoredHistogram, Histogram serviceHistogram,
                         ErrorCounts errors, List<IntervalSample> timeline, GeneratorHealth health,
                         GeneratorEnvironment environment, List<KindResult> kinds, List<StageResult> stages,
                         List<ThresholdResult> thresholds, boolean aborted, ConnectionSummary connection) {
    public LoadResult {
        timeline = List.copyOf(timeline);
        kinds = List.copyOf(kinds);
        stages = List.copyOf(stages);
        thresholds = List.copyOf(thresholds);
    }

    /** @return whether every threshold held (true without thresholds) */
    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /** @return responses completed inside the window per second (open model: to requests intended inside it) */
    public double throughput() {
        return measuredSeconds <= 0 ? 0 : requests / measuredSeconds;
    }

    /** @return successful responses (200..399) completed inside the window per second, under the same rule as {@link #throughput()} */
    public double successThroughput() {
        return measuredSeconds <= 0 ? 0 : successes / measuredSeconds;
    }

    /** @return how many latency values are censored (timeouts and unsent), i.e. only lower bounds */
    public long censored() {
        return latency.censored();
    }

    /** @return open model: achieved / target rate (1 = kept the rate); closed model: 1 */
    public double achievedFraction() {
        return spec.model() instanceof LoadModel.Open open ? throughput() / open.ratePerSecond() : 1;
    }

    /**
     * The {@code S} flag: in open model, the server could not keep the rate. True when the achieved
     * rate (completions inside the window of requests intended inside it) is below {@link Defaults#BEHIND_SCHEDULE} of the target,
     * and the generator's sending was not the limit: neither its connections
     * ({@link GeneratorHealth#connectionLimited()}) nor its CPU (the process or its busiest event loop at
     * {@link Defaults#SATURATED_CPU} or more). A generator that lags but had CPU to spare still sent the
     * rate (its lag is in the latency, and flagged in {@link GeneratorHealth#warnings()}).
     */
    public boolean serverBehindSchedule() {
        if (!(spec.model() instanceof LoadModel.Open) || health.connectionLimited()
                || health.processCpuUtilization() >= Defaults.SATURATED_CPU || health.loopCpuUtilization() >= Defaults.SATURATED_CPU) {
            return false;
        }
        return achievedFraction() < Defaults.BEHIND_SCHEDULE;
    }
}
