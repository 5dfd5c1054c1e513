package dev.stackbench.loadgen.ws;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one event loop (or the publisher). Written only by that loop's thread (a plain
 * read and an ordered store), read by any thread.
 */
final class WsCounters {
    static final int OPEN = 0;
    static final int CONNECT_REFUSED = 1;
    static final int CONNECT_TIMEOUT = 2;
    static final int CONNECT_OTHER = 3;
    static final int TLS = 4;
    static final int HANDSHAKE_TIMEOUT = 5;
    static final int HANDSHAKE_INVALID = 6;
    static final int HANDSHAKE_CLOSED = 7;
    static final int CLOSED_BY_PEER = 8;
    static final int SENT = 9;
    static final int RECEIVED = 10;
    static final int UNRECOGNIZED = 11;
    static final int LATE = 12;
    static final int QUEUED = 13;
    static final int MAX_LAG_NANOS = 14;
    static final int PUBLISH_FAILED = 15;
    static final int CLOSED_CLEANLY = 16;
    static final int ATTEMPTS_DONE = 17;
    private static final int SIZE = 18;
    private static final int MAX_STATUS = 600;

    private final AtomicLongArray values = new AtomicLongArray(SIZE);
    private final AtomicLongArray handshakeStatus = new AtomicLongArray(MAX_STATUS);
    private final AtomicLongArray publishStatus = new AtomicLongArray(MAX_STATUS);

    /** Adds {@code delta} to counter {@code index}; owner thread only. */
    void add(int index, long delta) {
        values.lazySet(index, values.get(index) + delta);
    }

    /** Raises counter {@code index} to {@code value} if larger; owner thread only. */
    void max(int index, long value) {
        if (value > values.get(index)) {
            values.lazySet(index, value);
        }
    }

    /** Counts an upgrade refused with {@code status}; owner thread only. */
    void handshakeStatus(int status) {
        bump(handshakeStatus, status);
    }

    /** Counts an HTTP publisher response with an error {@code status}; owner thread only. */
    void publishStatus(int status) {
        bump(publishStatus, status);
    }

    private static void bump(AtomicLongArray a, int status) {
        int i = status >= 0 && status < MAX_STATUS ? status : 0;
        a.lazySet(i, a.get(i) + 1);
    }

    long get(int index) {
        return values.get(index);
    }

    /** @return errors of every class so far (connections, peers' closes, the publisher's failures) */
    long errors() {
        long n = get(CONNECT_REFUSED) + get(CONNECT_TIMEOUT) + get(CONNECT_OTHER) + get(TLS) + get(HANDSHAKE_TIMEOUT)
                + get(HANDSHAKE_INVALID) + get(HANDSHAKE_CLOSED) + get(CLOSED_BY_PEER) + get(PUBLISH_FAILED);
        for (int i = 0; i < MAX_STATUS; i++) {
            n += handshakeStatus.get(i) + publishStatus.get(i);
        }
        return n;
    }

    /** @return the error counts of several owners together */
    static WsErrors sum(Iterable<WsCounters> all) {
        long[] s = new long[SIZE];
        Map<Integer, Long> handshake = new HashMap<>();
        Map<Integer, Long> publish = new HashMap<>();
        for (WsCounters c : all) {
            for (int i = 0; i < SIZE; i++) {
                s[i] += c.get(i);
            }
            for (int i = 0; i < MAX_STATUS; i++) {
                if (c.handshakeStatus.get(i) > 0) {
                    handshake.merge(i, c.handshakeStatus.get(i), Long::sum);
                }
                if (c.publishStatus.get(i) > 0) {
                    publish.merge(i, c.publishStatus.get(i), Long::sum);
                }
            }
        }
        return new WsErrors(s[CONNECT_REFUSED], s[CONNECT_TIMEOUT], s[CONNECT_OTHER], s[TLS], handshake, s[HANDSHAKE_TIMEOUT],
                s[HANDSHAKE_INVALID], s[HANDSHAKE_CLOSED], s[CLOSED_BY_PEER], s[PUBLISH_FAILED], publish, s[UNRECOGNIZED]);
    }
}
