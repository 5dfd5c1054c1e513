package dev.stackbench.loadgen.ws;

/**
 * A constant-rate schedule fixed in advance: message {@code k} is intended at
 * {@code start + k x interval}, {@link System#nanoTime()} nanoseconds. Immutable.
 */
final class Schedule {
    private final long startNanos;
    private final double intervalNanos;

    /** @param ratePerSecond messages per second, &gt; 0 */
    Schedule(long startNanos, double ratePerSecond) {
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
    }

    /** @return the intended time of message {@code k} */
    long intended(long k) {
        return startNanos + (long) (k * intervalNanos);
    }

    /** @return the first message intended at or after {@code nanos} */
    long firstAtOrAfter(long nanos) {
        long k = Math.max(0, (long) Math.ceil((nanos - startNanos) / intervalNanos));
        // the division rounds; settle on the exact answer of intended()
        while (intended(k) < nanos) {
            k++;
        }
        while (k > 0 && intended(k - 1) >= nanos) {
            k--;
        }
        return k;
    }
}
