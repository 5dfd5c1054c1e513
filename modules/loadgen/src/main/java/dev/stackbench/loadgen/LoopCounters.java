package dev.stackbench.loadgen;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one event loop. Written only by that loop's thread (a plain read and an
 * ordered store, no atomic read-modify-write), read by any thread.
 */
final class LoopCounters {
    static final int BYTES = 0;
    static final int CONNECT = 1;
    static final int READ = 2;
    static final int WRITE = 3;
    static final int TIMEOUT = 4;
    static final int STATUS_ERRORS = 5;
    static final int SENDS = 6;
    static final int LATE = 7;
    static final int QUEUED = 8;
    static final int MAX_LAG_NANOS = 9;
    /** every response, warm-up and drain included (the warm-up's rate samples) */
    static final int RESPONSES = 10;
    /** responses completed inside the measured window; open model: of requests intended inside it too */
    static final int COMPLETIONS = 11;
    /** requests of the window still waiting for a connection at its end */
    static final int UNSENT = 12;
    /** open model: fresh requests that waited while the capped pool had no free connection */
    static final int CAPPED = 13;
    /** the most connections this loop had at once (created, open or not) */
    static final int PEAK_CONNECTIONS = 14;
    /** the {@link #COMPLETIONS} with a status of 200..399 */
    static final int SUCCESSES = 15;
    private static final int SIZE = 16;
    private static final int MAX_STATUS = 600;

    private final AtomicLongArray values = new AtomicLongArray(SIZE);
    private final AtomicLongArray statuses = new AtomicLongArray(MAX_STATUS);
    private volatile long errorsAtEnd = -1;

    /** Adds {@code delta} to counter {@code index}; loop thread only. */
    void add(int index, long delta) {
        values.lazySet(index, values.get(index) + delta);
    }

    /** Raises counter {@code index} to {@code value} if larger; loop thread only. */
    void max(int index, long value) {
        if (value > values.get(index)) {
            values.lazySet(index, value);
        }
    }

    /** Counts a response whose status is an error; loop thread only. */
    void statusError(int status) {
        int i = status >= 0 && status < MAX_STATUS ? status : 0;
        statuses.lazySet(i, statuses.get(i) + 1);
        add(STATUS_ERRORS, 1);
    }

    long get(int index) {
        return values.get(index);
    }

    /** Remembers the errors so far as those of the measured window's last interval; loop thread only. */
    void snapshotAtEnd() {
        errorsAtEnd = errors();
    }

    /** @return the errors counted up to the window's end, or -1 before it */
    long errorsAtEnd() {
        return errorsAtEnd;
    }

    /** @return errors of every class so far */
    long errors() {
        return get(CONNECT) + get(READ) + get(WRITE) + get(TIMEOUT) + get(STATUS_ERRORS);
    }

    /** Adds this loop's status errors into {@code into}, by code. */
    void addStatusesTo(Map<Integer, Long> into) {
        for (int i = 0; i < MAX_STATUS; i++) {
            long n = statuses.get(i);
            if (n > 0) {
                into.merge(i, n, Long::sum);
            }
        }
    }

    /** @return the error counts of several loops together */
    static ErrorCounts sum(Iterable<LoopCounters> loops) {
        long connect = 0;
        long read = 0;
        long write = 0;
        long timeout = 0;
        Map<Integer, Long> status = new HashMap<>();
        for (LoopCounters c : loops) {
            connect += c.get(CONNECT);
            read += c.get(READ);
            write += c.get(WRITE);
            timeout += c.get(TIMEOUT);
            c.addStatusesTo(status);
        }
        return new ErrorCounts(connect, read, write, timeout, status);
    }
}
