package dev.stackbench.lab.monitor;

import java.time.Duration;

/**
 * What a server used between {@link ServerMonitor#start()} and {@link ServerMonitor#stop()}.
 *
 * <p>Memory: with source {@link MonitorSource#CGROUP} the "RSS" figures are the cgroup's rss +
 * mapped_file (v1) or anon + file_mapped (v2), each page once; with {@link MonitorSource#PROC}
 * they are RSS summed over the tree's processes.
 *
 * @param duration        wall time between the counter reads at start and at stop
 * @param samples         samples taken (the one at start and the one at stop included)
 * @param cpuCores        mean CPU used, in cores: (user + system time) / wall time; 1.0 is one
 *                        core busy all the time
 * @param peakCpuCores    the highest CPU use over one sampling interval, in cores
 * @param idleRssBytes    memory at start (after the server became ready, before load), bytes
 * @param meanRssBytes    mean over the samples of the memory, bytes
 * @param peakRssBytes    highest sampled memory, bytes
 * @param peakProcesses   highest number of live processes seen
 * @param source          where the figures come from: {@code cgroup} or {@code proc}
 * @param monitorCpuNanos CPU time the monitor itself used to take the samples (its sampler thread
 *                        and the reads at start and stop), nanoseconds; it ran on the JVM's CPUs,
 *                        i.e. the load generator's
 * @param startNanos      {@link System#nanoTime()} of the counter read at start
 */
public record ResourceSummary(Duration duration, int samples, double cpuCores, double peakCpuCores,
                              long idleRssBytes, long meanRssBytes, long peakRssBytes, int peakProcesses,
                              MonitorSource source, long monitorCpuNanos, long startNanos) {

    /** @return CPU time used over the window, in seconds (cpuCores times the duration) */
    public double cpuSeconds() {
        return cpuCores * duration.toNanos() / 1e9;
    }

    /** @return the monitor's own CPU use over the window, in cores */
    public double monitorCpuCores() {
        return monitorCpuNanos / (double) Math.max(1, duration.toNanos());
    }
}
