package dev.stackbench.lab.monitor;

import java.time.Duration;

/**
 * What a process tree used between {@link TreeMonitor#start()} and {@link TreeMonitor#stop()}.
 *
 * @param duration      wall time between start and stop
 * @param samples       samples taken (the one at start and the one at stop included)
 * @param cpuCores      mean CPU used, in cores: (user + system time of every member) / wall time;
 *                      1.0 is one core busy all the time
 * @param peakCpuCores  the highest CPU use over one sampling interval, in cores
 * @param idleRssBytes  resident memory of the tree at start (after the server became ready, before load), bytes
 * @param meanRssBytes  mean over the samples of the tree's resident memory (sum over members), bytes
 * @param peakRssBytes  highest sampled resident memory of the tree, bytes
 * @param peakProcesses highest number of live processes seen in the tree
 */
public record ResourceSummary(Duration duration, int samples, double cpuCores, double peakCpuCores,
                              long idleRssBytes, long meanRssBytes, long peakRssBytes, int peakProcesses) {
}
