package dev.stackbench.loadgen;

import java.util.Map;
import java.util.TreeMap;

/**
 * Errors of the measured interval, by class. A request counts in at most one class.
 *
 * @param connect  failed connection attempts (refused, unreachable, connect timeout)
 * @param read     connections reset or closed before a response was complete
 * @param write    requests that could not be written
 * @param timeout  requests with no complete response within the timeout
 * @param status   responses with a status outside 200..399, by status code
 */
public record ErrorCounts(long connect, long read, long write, long timeout, Map<Integer, Long> status) {
    public ErrorCounts {
        status = Map.copyOf(status);
    }

    /** @return no errors */
    public static ErrorCounts none() {
        return new ErrorCounts(0, 0, 0, 0, Map.of());
    }

    /** @return all status-class errors */
    public long statusTotal() {
        return status.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return every error of every class */
    public long total() {
        return connect + read + write + timeout + statusTotal();
    }

    /** @return the status errors ordered by code */
    public Map<Integer, Long> statusByCode() {
        return new TreeMap<>(status);
    }
}
