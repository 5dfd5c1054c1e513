package dev.stackbench.analysis.diff;

/**
 * One side's trial in one round of {@code diff --load}.
 *
 * @param round               1-based round
 * @param throughputPerSecond successful responses completed inside the window, per second
 * @param p99Micros           the success latency's p99, microseconds
 * @param latencyCount        values recorded in the success latency histogram (censored ones included)
 * @param p99LowerBound       whether the p99 falls on censored values (a timeout or an unsent request): only a lower bound
 * @param errorRate           failed / attempted requests, 0..1
 */
public record LoadRound(int round, double throughputPerSecond, double p99Micros, long latencyCount, boolean p99LowerBound,
                        double errorRate) {
}
