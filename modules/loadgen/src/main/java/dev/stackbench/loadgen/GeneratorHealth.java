package dev.stackbench.loadgen;

import java.util.List;

/**
 * How the generator itself fared, so that a slow generator is never mistaken for a slow server.
 * Everything covers the measured window.
 *
 * @param cpuSeconds          CPU time of the whole generator process during the measured interval, seconds
 * @param cpusAvailable       CPUs the generator was allowed to run on
 * @param processCpuUtilization cpuSeconds / (interval x cpusAvailable), 0..1
 * @param loopCpuUtilization  busiest event loop thread's CPU time / interval, 0..1
 * @param targetRate          requested rate in requests/s (open model), 0 in closed model
 * @param achievedRate        responses completed inside the window per second, open model: to requests intended inside it (as {@link LoadResult#throughput()})
 * @param sends               requests sent in the measured interval
 * @param lateSends           open model: sends more than {@link Defaults#LATE_SEND} behind schedule
 *                            while a connection was free (counted; the verdict comes from the lag percentiles)
 * @param queuedSends         open model: sends that waited for a busy (or still opening) connection
 *                            (the server's lag, already in the latency)
 * @param maxSendLagMicros    open model: the largest generator lag of a send, microseconds
 * @param sendLagP99Micros    open model: 99th percentile of the lag of the sends that found a free
 *                            connection (the generator's own delay, in every latency), microseconds; 0 in closed model
 * @param hiccupP99Micros     99th percentile lateness of the event loops' hiccup probes (a tick every
 *                            {@link Defaults#HICCUP_PERIOD}, as jHiccup), microseconds: how late the
 *                            generator noticed anything, in both models
 * @param hiccupMaxMicros     the largest hiccup, microseconds
 * @param stealFraction       CPU time stolen by the hypervisor on the generator's CPUs over the window, as a
 *                            fraction of those CPUs' time (from /proc/stat), 0..1; 0 when unknown
 * @param connectionCap       open model: the most connections the pool could grow to (the spec's cap, or less
 *                            when the open-file limit is lower); closed model: the connections
 * @param peakConnections     the most connections the generator had
 * @param cappedSends         open model: requests that found every connection busy while the pool was at its cap
 * @param connectionLimited   open model: more than {@link Defaults#CONNECTION_LIMITED_FRACTION} of the sends
 *                            waited at the cap, and the cap is below the rate times the fastest service
 *                            time seen (even an unloaded server would have needed more connections): the
 *                            generator's connections limited the level, not the server. Waiting at the cap
 *                            with a cap above that bound is the server's doing (an overloaded server fills
 *                            any pool) and shows as {@link LoadResult#serverBehindSchedule()}
 * @param cpuBound            the generator's CPUs (or its busiest event loop, with CPUs to spare) were
 *                            saturated: it may have limited the throughput, and the server may be faster
 * @param lagged              the generator's own lag (send lag p99 in the open model, event-loop hiccup p99
 *                            in both) was a noticeable fraction of the p50 latency it reports: the latencies
 *                            include its delay, the throughput need not be limited
 * @param warnings            plain sentences, empty when the generator was healthy (CPU, lag, steal,
 *                            connections: each concern that fired, one sentence each)
 */
public record GeneratorHealth(double cpuSeconds, int cpusAvailable, double processCpuUtilization,
                              double loopCpuUtilization, double targetRate, double achievedRate, long sends,
                              long lateSends, long queuedSends, long maxSendLagMicros, long sendLagP99Micros,
                              long hiccupP99Micros, long hiccupMaxMicros, double stealFraction,
                              int connectionCap, int peakConnections, long cappedSends, boolean connectionLimited,
                              boolean cpuBound, boolean lagged, List<String> warnings) {
    public GeneratorHealth {
        warnings = List.copyOf(warnings);
    }

    /**
     * The health of a generator that measures none of the send-lag percentile, the hiccup probe, steal
     * and the connection pool (those are 0, the cap is 0, not connection-limited), and does not tell its
     * concerns apart: any warning counts as {@link #cpuBound() CPU-bound}, none as {@link #lagged() lag}.
     */
    public GeneratorHealth(double cpuSeconds, int cpusAvailable, double processCpuUtilization, double loopCpuUtilization,
                           double targetRate, double achievedRate, long sends, long lateSends, long queuedSends,
                           long maxSendLagMicros, List<String> warnings) {
        this(cpuSeconds, cpusAvailable, processCpuUtilization, loopCpuUtilization, targetRate, achievedRate, sends, lateSends,
                queuedSends, maxSendLagMicros, 0, 0, 0, 0, 0, 0, 0, false, !warnings.isEmpty(), false, warnings);
    }

    /** @return whether the generator may have limited the result (its CPU, its lag, its connections or steal) */
    public boolean bound() {
        return !warnings.isEmpty();
    }
}
