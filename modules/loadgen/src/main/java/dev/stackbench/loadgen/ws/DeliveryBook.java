package dev.stackbench.loadgen.ws;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One event loop's record of fan-out deliveries per message of the measured interval: how many of
 * its subscribers received each, and when the last of them did. Written by the loop's thread only;
 * read by the thread that runs the load after the loop has finished (a task it waited for).
 */
final class DeliveryBook {
    private final long firstSequence;
    private final int[] deliveries;
    private final long[] lastNanos;

    /** Tracks messages {@code firstSequence} (inclusive) to {@code endSequence} (exclusive). */
    DeliveryBook(long firstSequence, long endSequence) {
        this.firstSequence = firstSequence;
        int n = (int) Math.max(0, endSequence - firstSequence);
        this.deliveries = new int[n];
        this.lastNanos = new long[n];
    }

    /** Counts one delivery of message {@code sequence} at {@code nowNanos}; messages outside the interval are ignored. */
    void deliver(long sequence, long nowNanos) {
        long i = sequence - firstSequence;
        if (i >= 0 && i < deliveries.length) {
            int k = (int) i;
            deliveries[k]++;
            if (deliveries[k] == 1 || nowNanos > lastNanos[k]) {
                lastNanos[k] = nowNanos;
            }
        }
    }

    /**
     * Merges the loops' books: for every published message that all {@code subscribers} received,
     * records intended publish to last delivery (microseconds) in {@code lastDelivery}.
     *
     * @param published which messages of the interval the publisher sent, indexed from the first
     * @return the published messages that some subscriber did not receive
     */
    static long merge(List<DeliveryBook> books, boolean[] published, Schedule schedule, long firstSequence,
                      int subscribers, Histogram lastDelivery) {
        long incomplete = 0;
        long highest = lastDelivery.getHighestTrackableValue();
        for (int i = 0; i < published.length; i++) {
            if (!published[i]) {
                continue;
            }
            long total = 0;
            long last = Long.MIN_VALUE;
            for (DeliveryBook b : books) {
                if (i < b.deliveries.length && b.deliveries[i] > 0) {
                    total += b.deliveries[i];
                    last = Math.max(last, b.lastNanos[i]);
                }
            }
            if (total >= subscribers && subscribers > 0) {
                long micros = (last - schedule.intended(firstSequence + i)) / 1000;
                lastDelivery.recordValue(Math.min(highest, Math.max(1, micros)));
            } else if (subscribers > 0) {
                incomplete++;
            }
        }
        return incomplete;
    }
}
