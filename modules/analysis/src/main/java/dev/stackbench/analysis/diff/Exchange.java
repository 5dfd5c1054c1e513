package dev.stackbench.analysis.diff;

import java.util.Optional;

/**
 * One replayed request and what each backend answered.
 *
 * @param method   the request method, e.g. {@code GET}
 * @param target   the request target as sent: path and query, e.g. {@code /api/users/7}
 * @param old      the old backend's answer (the reference)
 * @param neu      the new backend's answer (the one being checked)
 * @param old2     a second copy of the old backend's answer, when there is one: what differs between
 *                 {@code old} and {@code old2} is noise
 * @param endpoint the endpoint the request is grouped under: {@link Endpoint#of} its method and target,
 *                 or the {@link Endpoint#kind} it was drawn from
 */
public record Exchange(String method, String target, Response old, Response neu, Optional<Response> old2, Endpoint endpoint) {

    /** An exchange grouped under the endpoint of its method and target ({@link Endpoint#of}). */
    public Exchange(String method, String target, Response old, Response neu, Optional<Response> old2) {
        this(method, target, old, neu, old2, Endpoint.of(method, target));
    }
}
