package dev.stackbench.results;

/**
 * Resource use of a contestant's whole process tree during a trial, sampled by the monitor.
 *
 * @param cpuCores mean CPU use in cores (1.0 = one core fully busy)
 * @param rssMeanBytes mean resident set size, in bytes
 * @param rssPeakBytes largest resident set size sampled, in bytes
 */
public record ServerUsage(double cpuCores, long rssMeanBytes, long rssPeakBytes) {
}
