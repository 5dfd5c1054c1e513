package dev.stackbench.loadgen;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The generator's own time: how much CPU this JVM used, how much its busiest event loop used,
 * and sleeping to a deadline on the monotonic clock. Shared by the HTTP and the WebSocket
 * engines, so both measure themselves the same way. Stateless, thread-safe.
 */
public final class GeneratorClock {
    private GeneratorClock() {
    }

    /** @return CPU time this JVM used so far (all threads), nanoseconds; 0 where the JVM cannot tell */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * @param start per-loop CPU times at the start, nanoseconds
     * @param end   the same loops' CPU times at the end, nanoseconds
     * @return the largest {@code end[i] - start[i]}: the busiest loop's CPU over the interval
     */
    public static long maxLoopCpu(long[] start, long[] end) {
        long max = 0;
        for (int i = 0; i < Math.min(start.length, end.length); i++) {
            max = Math.max(max, end[i] - start[i]);
        }
        return max;
    }

    /**
     * Parks until {@link System#nanoTime()} reaches {@code deadlineNanos}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("load generator interrupted");
            }
        }
    }
}
