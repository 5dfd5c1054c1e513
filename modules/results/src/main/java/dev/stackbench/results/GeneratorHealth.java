package dev.stackbench.results;

/**
 * The load generator's view of itself during a trial. When {@code bound} is true the generator,
 * not the server, may have been the bottleneck, and the trial's numbers understate the server.
 *
 * @param cpuUtilization the generator's CPU use as a fraction of its CPU set, 0..1
 * @param targetRate open model: the offered rate in requests per second; null in the closed model
 * @param achievedRate responses completed inside the window per second
 * @param lateSends open model: requests sent later than their intended time by more than the
 *     generator's tolerance; 0 in the closed model
 * @param maxSendLagMicros open model: the largest lag of an actual send behind its intended time,
 *     in microseconds; 0 in the closed model
 * @param hiccupMaxMicros the largest stall any event loop's hiccup probe saw (as jHiccup), in
 *     microseconds; null when not measured
 * @param sendLagP99Micros open model: the 99th percentile of send lag (actual send behind
 *     intended), in microseconds; null in the closed model or when not measured
 * @param stealFraction CPU steal time on the generator's CPUs as a fraction of their time,
 *     0..1; null when not measured
 * @param connectionLimited open model: whether the connection pool's cap, not the server, held
 *     sends back
 * @param bound whether the generator judged itself the bottleneck of the throughput (its CPU, or its
 *     busiest event loop, saturated); in runs recorded before {@code lagged} existed (it is null
 *     there) any of its concerns (CPU, own lag, steal) set it
 * @param reason why it judged so (e.g. {@code generator CPU 97% > 90%}), every concern that fired,
 *     one sentence each; null when it had none
 * @param lagged whether the generator's own lag (send lag or event-loop hiccups, p99) was a noticeable
 *     fraction of the p50 latency it reported: the latencies include its delay, the throughput need
 *     not be limited; null in runs recorded before it was told apart from {@code bound}
 */
public record GeneratorHealth(
        double cpuUtilization,
        Double targetRate,
        double achievedRate,
        long lateSends,
        long maxSendLagMicros,
        Long hiccupMaxMicros,
        Long sendLagP99Micros,
        Double stealFraction,
        boolean connectionLimited,
        boolean bound,
        String reason,
        Boolean lagged) {

    public GeneratorHealth {
        if (cpuUtilization < 0 || cpuUtilization > 1) {
            throw new IllegalArgumentException("cpuUtilization must be within 0..1, was " + cpuUtilization);
        }
        if (stealFraction != null && (stealFraction < 0 || stealFraction > 1)) {
            throw new IllegalArgumentException("stealFraction must be within 0..1, was " + stealFraction);
        }
    }

    /** The schema-1 shape: probes not measured, not connection-limited. For callers not yet updated. */
    public GeneratorHealth(double cpuUtilization, Double targetRate, double achievedRate, long lateSends,
            long maxSendLagMicros, boolean bound, String reason) {
        this(cpuUtilization, targetRate, achievedRate, lateSends, maxSendLagMicros, null, null, null, false,
                bound, reason, null);
    }

    /** The shape before {@code lagged} was told apart from {@code bound}. For callers not yet updated. */
    public GeneratorHealth(double cpuUtilization, Double targetRate, double achievedRate, long lateSends,
            long maxSendLagMicros, Long hiccupMaxMicros, Long sendLagP99Micros, Double stealFraction,
            boolean connectionLimited, boolean bound, String reason) {
        this(cpuUtilization, targetRate, achievedRate, lateSends, maxSendLagMicros, hiccupMaxMicros, sendLagP99Micros,
                stealFraction, connectionLimited, bound, reason, null);
    }
}
