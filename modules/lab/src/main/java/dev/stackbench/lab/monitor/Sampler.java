package dev.stackbench.lab.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The sampling loop both monitors share: one reading at start, one every interval on a daemon
 * thread, one at stop, summarised into a {@link ResourceSummary}. It also times its own CPU use
 * (the thread's CPU time and that of the reads at start and stop).
 *
 * <p>The probe is called by the thread of {@link #start()}, then by the sampler thread, then by
 * the thread of {@link #stop()}; thread start and join order these calls.
 */
final class Sampler {
    /** One reading of a probe. */
    record Reading(long cpuNanos, long memoryBytes, int processes) {
    }

    /** Reads a server's cumulative CPU time, its memory and its process count now. */
    interface Probe {
        /** @return the reading now, or null when it cannot be read any more (keep the last one) */
        Reading read();
    }

    private final String name;
    private final Probe probe;
    private final Duration interval;
    private final MonitorSource source;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Thread thread;
    private volatile boolean running;

    private long startNanos;
    private long lastNanos;
    private Reading first;
    private Reading last;
    private double peakCores;
    private long memorySum;
    private long peakMemory;
    private int peakProcesses;
    private int samples;
    private long ownCpuNanos;

    Sampler(String name, Probe probe, Duration interval, MonitorSource source) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0, got " + interval);
        }
        this.name = name;
        this.probe = probe;
        this.interval = interval;
        this.source = source;
    }

    synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("a monitor is single use: already started");
        }
        long cpu0 = threadCpu();
        startNanos = System.nanoTime();
        first = probe.read();
        if (first == null) {
            first = new Reading(0, 0, 0);
        }
        last = first;
        lastNanos = startNanos;
        account(first, startNanos, true);
        ownCpuNanos += threadCpu() - cpu0;
        running = true;
        thread = new Thread(this::loop, "stackbench-monitor-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized ResourceSummary stop() {
        if (thread == null) {
            throw new IllegalStateException("the monitor was not started");
        }
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long cpu0 = threadCpu();
        sample();
        ownCpuNanos += threadCpu() - cpu0;
        long wallNanos = Math.max(1, lastNanos - startNanos);
        double cores = (last.cpuNanos() - first.cpuNanos()) / (double) wallNanos;
        return new ResourceSummary(Duration.ofNanos(wallNanos), samples, cores, Math.max(peakCores, cores),
                first.memoryBytes(), samples == 0 ? 0 : memorySum / samples, peakMemory, peakProcesses, source,
                ownCpuNanos, startNanos);
    }

    private void loop() {
        long cpu0 = threadCpu();
        try {
            while (running) {
                try {
                    Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        } finally {
            ownCpuNanos += threadCpu() - cpu0; // read by stop() after join
        }
    }

    private void sample() {
        long now = System.nanoTime();
        Reading r = probe.read();
        if (r == null) {
            return; // the server is gone: the window keeps its last reading
        }
        account(r, now, false);
    }

    private void account(Reading r, long now, boolean atStart) {
        if (!atStart && now > lastNanos) {
            peakCores = Math.max(peakCores, (r.cpuNanos() - last.cpuNanos()) / (double) (now - lastNanos));
        }
        last = r;
        lastNanos = now;
        memorySum += r.memoryBytes();
        peakMemory = Math.max(peakMemory, r.memoryBytes());
        peakProcesses = Math.max(peakProcesses, r.processes());
        samples++;
    }

    private long threadCpu() {
        return threads.isCurrentThreadCpuTimeSupported() ? Math.max(0, threads.getCurrentThreadCpuTime()) : 0;
    }
}
