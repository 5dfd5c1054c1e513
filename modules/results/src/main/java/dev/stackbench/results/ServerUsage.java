package dev.stackbench.results;

import java.util.Objects;

/**
 * Resource use of a contestant during a trial's measured window, from the monitor.
 *
 * @param cpuCores mean CPU use of the contestant in cores over the window (1.0 = one core fully
 *     busy)
 * @param databaseCpuCores PostgreSQL's mean CPU use in cores over the same window, for workloads
 *     that use it; null otherwise
 * @param rssMeanBytes mean memory in bytes: the cgroup's memory use with source {@code cgroup},
 *     the process tree's summed RSS with source {@code proc}
 * @param rssPeakBytes largest memory sampled, in bytes, same source
 * @param source which monitor measured it: {@value #CGROUP} (the contestant's own cgroup's CPU
 *     accounting and memory) or {@value #PROC} (sampling /proc over the process tree)
 */
public record ServerUsage(double cpuCores, Double databaseCpuCores, long rssMeanBytes, long rssPeakBytes,
        String source) {

    /** Source: the contestant's own cgroup. */
    public static final String CGROUP = "cgroup";
    /** Source: /proc sampled over the process tree (the fallback without root). */
    public static final String PROC = "proc";

    public ServerUsage {
        Objects.requireNonNull(source, "source");
        if (!source.equals(CGROUP) && !source.equals(PROC)) {
            throw new IllegalArgumentException("server.source must be 'cgroup' or 'proc', was '" + source + "'");
        }
    }

    /**
     * The schema-1 shape: no database column, source {@value #PROC}. For callers not yet updated
     * to schema 2.
     */
    public ServerUsage(double cpuCores, long rssMeanBytes, long rssPeakBytes) {
        this(cpuCores, null, rssMeanBytes, rssPeakBytes, PROC);
    }
}
