package dev.stackbench.loadgen;

import java.util.List;

/**
 * How the generator itself fared, so that a slow generator is never mistaken for a slow server.
 *
 * @param cpuSeconds          CPU time of the whole generator process during the measured interval, seconds
 * @param cpusAvailable       CPUs the generator was allowed to run on
 * @param processCpuUtilization cpuSeconds / (interval x cpusAvailable), 0..1
 * @param loopCpuUtilization  busiest event loop thread's CPU time / interval, 0..1
 * @param targetRate          requested rate in requests/s (open model), 0 in closed model
 * @param achievedRate        responses per second actually recorded
 * @param sends               requests sent in the measured interval
 * @param lateSends           open model: sends more than {@link Defaults#LATE_SEND} behind schedule
 *                            while a connection was free (the generator's own lag)
 * @param queuedSends         open model: sends that waited for a busy connection (the server's lag,
 *                            already in the latency)
 * @param maxSendLagMicros    open model: the largest generator lag of a send, microseconds
 * @param warnings            plain sentences, empty when the generator was healthy
 */
public record GeneratorHealth(double cpuSeconds, int cpusAvailable, double processCpuUtilization,
                              double loopCpuUtilization, double targetRate, double achievedRate, long sends,
                              long lateSends, long queuedSends, long maxSendLagMicros, List<String> warnings) {
    public GeneratorHealth {
        warnings = List.copyOf(warnings);
    }

    /** @return whether the generator may have limited the result */
    public boolean bound() {
        return !warnings.isEmpty();
    }
}
