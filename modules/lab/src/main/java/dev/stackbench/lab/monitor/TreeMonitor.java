package dev.stackbench.lab.monitor;

import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.lab.proc.ProcStat;
import dev.stackbench.lab.proc.ProcTable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Samples the CPU time and resident memory of a server's whole process tree (the root, its
 * descendants and its session; see {@link ProcTable#tree(long)}) every interval on a daemon
 * thread: the fallback when the server has no cgroup (not root).
 *
 * <p>CPU is the growth of user + system time of every member between samples; a process that
 * appears between two samples counts with all its time (it started in the interval), one that
 * exits loses its time since the last sample, and one that starts and exits between two samples
 * is missed entirely. Pids are told apart by start time, so a reused pid is a new process. RSS
 * is summed over the members of each sample (pages shared between workers count once per worker).
 *
 * <pre>{@code
 * TreeMonitor monitor = new TreeMonitor(server.pid(), KernelUnits.read(), ServerMonitor.DEFAULT_INTERVAL);
 * monitor.start();
 * ... drive load ...
 * ResourceSummary used = monitor.stop();
 * }</pre>
 *
 * Single use: start once, stop once. {@code start} and {@code stop} may be called from any
 * thread, but not concurrently.
 */
public final class TreeMonitor implements ServerMonitor {
    /** The sampling interval used unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = ServerMonitor.DEFAULT_INTERVAL;

    private final Sampler sampler;

    /**
     * @param rootPid  the server's root pid (its session leader)
     * @param units    clock ticks per second and page size
     * @param interval time between samples, > 0
     */
    public TreeMonitor(long rootPid, KernelUnits units, Duration interval) {
        TreeProbe probe = new TreeProbe(rootPid, units);
        this.sampler = new Sampler(Long.toString(rootPid), probe::read, interval, MonitorSource.PROC);
    }

    /** Takes the first sample (the idle RSS) and starts sampling on a daemon thread. */
    @Override
    public void start() {
        sampler.start();
    }

    /**
     * Stops sampling, takes a last sample, and summarises.
     *
     * @return what the tree used since {@link #start()}
     */
    @Override
    public ResourceSummary stop() {
        return sampler.stop();
    }

    /** Turns the tree's per-process times into one cumulative counter, from the first reading on. */
    private static final class TreeProbe {
        /** A process: pid plus start time, so that a reused pid is another process. */
        private record Key(long pid, long startTicks) {
        }

        private final long rootPid;
        private final KernelUnits units;
        private final Map<Key, Long> lastTicks = new HashMap<>();
        private boolean first = true;
        private long totalTicks;

        TreeProbe(long rootPid, KernelUnits units) {
            this.rootPid = rootPid;
            this.units = units;
        }

        Sampler.Reading read() {
            long ticks = 0;
            long rssPages = 0;
            int live = 0;
            Map<Key, Long> seen = new HashMap<>();
            for (ProcStat s : ProcTable.snapshot().tree(rootPid)) {
                if (s.zombie()) {
                    continue;
                }
                Key key = new Key(s.pid(), s.startTicks());
                Long before = lastTicks.get(key);
                ticks += before == null ? (first ? 0 : s.cpuTicks()) : Math.max(0, s.cpuTicks() - before);
                seen.put(key, s.cpuTicks());
                rssPages += s.rssPages();
                live++;
            }
            first = false;
            lastTicks.clear();
            lastTicks.putAll(seen);
            totalTicks += ticks;
            long cpuNanos = totalTicks * 1_000_000_000L / units.ticksPerSecond();
            return new Sampler.Reading(cpuNanos, rssPages * units.pageSizeBytes(), live);
        }
    }
}
