package dev.stackbench.results;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The failures of one trial, by kind. Counts are requests.
 *
 * @param connect connections refused or not established in time
 * @param read connections reset or closed while reading a response
 * @param write connections failing while sending a request
 * @param timeout requests with no response within the generator's timeout
 * @param status responses with a non-2xx status (or failing the workload's check), by status
 *     code, in ascending code order
 */
public record Errors(long connect, long read, long write, long timeout, Map<Integer, Long> status) {

    /** No failures. */
    public static final Errors NONE = new Errors(0, 0, 0, 0, Map.of());

    public Errors {
        status = Collections.unmodifiableMap(new TreeMap<>(status == null ? Map.of() : status));
    }

    /** @return all failures together */
    public long total() {
        return connect + read + write + timeout + status.values().stream().mapToLong(Long::longValue).sum();
    }
}
