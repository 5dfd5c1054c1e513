package dev.stackbench.analysis.diff;

import java.util.Optional;

/**
 * One replayed request and what each backend answered.
 *
 * @param method the request method, e.g. {@code GET}
 * @param target the request target as sent: path and query, e.g. {@code /api/users/7}
 * @param old    the old backend's answer (the reference)
 * @param neu    the new backend's answer (the one being checked)
 * @param old2   a second copy of the old backend's answer, when there is one: what differs between
 *               {@code old} and {@code old2} is noise
 */
public record Exchange(String method, String target, Response old, Response neu, Optional<Response> old2) {

    /** @return the endpoint this request belongs to */
    public Endpoint endpoint() {
        return Endpoint.of(method, target);
    }
}
