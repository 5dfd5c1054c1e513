package dev.stackbench.lab.monitor;

import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.lab.proc.ProcStat;
import dev.stackbench.lab.proc.ProcTable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Samples the CPU time and resident memory of a server's whole process tree (the root, its
 * descendants and its session; see {@link ProcTable#tree(long)}) every interval on a daemon thread.
 *
 * <p>CPU is the growth of user + system time of every member between samples; a process that
 * appears between two samples counts with all its time (it started in the interval), one that
 * exits loses at most its last interval. Pids are told apart by start time, so a reused pid is a
 * new process. RSS is summed over the members of each sample.
 *
 * <pre>{@code
 * TreeMonitor monitor = new TreeMonitor(server.pid(), KernelUnits.read(), TreeMonitor.DEFAULT_INTERVAL);
 * monitor.start();
 * ... drive load ...
 * ResourceSummary used = monitor.stop();
 * }</pre>
 *
 * Single use: start once, stop once. {@code start} and {@code stop} may be called from any
 * thread, but not concurrently.
 */
public final class TreeMonitor {
    /** The sampling interval used unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    private final long rootPid;
    private final KernelUnits units;
    private final Duration interval;
    private final Map<Key, Long> lastTicks = new HashMap<>();
    private Thread sampler;
    private volatile boolean running;

    // written by the sampler thread only (and by start/stop before/after it runs; join orders them)
    private long startNanos;
    private long lastNanos;
    private long totalTicks;
    private double peakCores;
    private long idleRss;
    private long rssSum;
    private long peakRss;
    private int samples;
    private int peakProcesses;

    /** A process: pid plus start time, so that a reused pid is another process. */
    private record Key(long pid, long startTicks) {
    }

    /**
     * @param rootPid  the server's root pid (its session leader)
     * @param units    clock ticks per second and page size
     * @param interval time between samples, > 0
     */
    public TreeMonitor(long rootPid, KernelUnits units, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0, got " + interval);
        }
        this.rootPid = rootPid;
        this.units = units;
        this.interval = interval;
    }

    /** Takes the first sample (the idle RSS) and starts sampling on a daemon thread. */
    public synchronized void start() {
        if (sampler != null) {
            throw new IllegalStateException("a TreeMonitor is single use: already started");
        }
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        sample(true);
        running = true;
        sampler = new Thread(this::loop, "stackbench-monitor-" + rootPid);
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * Stops sampling, takes a last sample, and summarises.
     *
     * @return what the tree used since {@link #start()}
     */
    public synchronized ResourceSummary stop() {
        if (sampler == null) {
            throw new IllegalStateException("the TreeMonitor was not started");
        }
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample(false);
        long wallNanos = Math.max(1, lastNanos - startNanos);
        double cores = totalTicks / (double) units.ticksPerSecond() / (wallNanos / 1e9);
        return new ResourceSummary(Duration.ofNanos(wallNanos), samples, cores, Math.max(peakCores, cores), idleRss,
                samples == 0 ? 0 : rssSum / samples, peakRss, peakProcesses);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            sample(false);
        }
    }

    private void sample(boolean first) {
        long now = System.nanoTime();
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
        lastTicks.clear();
        lastTicks.putAll(seen);
        long rss = rssPages * units.pageSizeBytes();
        if (first) {
            idleRss = rss;
        } else {
            totalTicks += ticks;
            double seconds = (now - lastNanos) / 1e9;
            if (seconds > 0) {
                peakCores = Math.max(peakCores, ticks / (double) units.ticksPerSecond() / seconds);
            }
        }
        lastNanos = now;
        rssSum += rss;
        peakRss = Math.max(peakRss, rss);
        peakProcesses = Math.max(peakProcesses, live);
        samples++;
    }
}
