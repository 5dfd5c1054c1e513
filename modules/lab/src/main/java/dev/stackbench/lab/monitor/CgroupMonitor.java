package dev.stackbench.lab.monitor;

import dev.stackbench.lab.cgroup.Cgroup;
import java.io.IOException;
import java.time.Duration;

/**
 * Measures a server from its own cgroup ({@link Cgroup}): CPU from the kernel's cumulative
 * accounting, read at start and at stop (so a child that started and exited in between counts
 * with all its CPU), memory as rss + mapped_file (v1) or anon + file_mapped (v2), sampled every
 * interval; processes from {@code cgroup.procs}. Each sample reads three small files.
 *
 * <p>A window during which the server exited ends at its last reading that succeeded.
 */
public final class CgroupMonitor implements ServerMonitor {
    private final Sampler sampler;

    /**
     * @param cgroup   the server's cgroup
     * @param interval time between memory samples, > 0
     */
    public CgroupMonitor(Cgroup cgroup, Duration interval) {
        this.sampler = new Sampler(cgroup.name(), () -> read(cgroup), interval, MonitorSource.CGROUP);
    }

    private static Sampler.Reading read(Cgroup cgroup) {
        try {
            return new Sampler.Reading(cgroup.cpuNanos(), cgroup.memoryBytes(), cgroup.processCount());
        } catch (IOException | NumberFormatException e) {
            return null; // removed: the server was stopped
        }
    }

    @Override
    public void start() {
        sampler.start();
    }

    @Override
    public ResourceSummary stop() {
        return sampler.stop();
    }
}
