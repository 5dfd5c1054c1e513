/**
 * What a server uses over a measured window ({@link dev.stackbench.lab.monitor.ServerMonitor}):
 * from its own cgroup as root ({@link dev.stackbench.lab.monitor.CgroupMonitor}: kernel CPU
 * accounting, short-lived children included, and the cgroup's memory), else sampled from its
 * {@code /proc} tree ({@link dev.stackbench.lab.monitor.TreeMonitor}). Every
 * {@link dev.stackbench.lab.monitor.ResourceSummary} names its source and the monitor's own CPU cost.
 */
package dev.stackbench.lab.monitor;
