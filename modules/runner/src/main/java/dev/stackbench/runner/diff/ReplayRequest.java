package dev.stackbench.runner.diff;

import dev.stackbench.analysis.diff.Endpoint;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.RequestKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One request to replay.
 *
 * @param method  upper-case method, e.g. {@code GET}
 * @param target  path and query, starting with {@code /}, e.g. {@code /api/users/7?full=1}
 * @param headers request headers (Host, Content-Length and the other headers the HTTP client owns are dropped when read)
 * @param body    body bytes, empty for none
 * @param kind    the scenario's request kind it was drawn from (its target is the kind's path with the
 *                templates filled in); empty for a request read as written
 */
public record ReplayRequest(String method, String target, List<Header> headers, byte[] body, Optional<RequestKind> kind) {
    public ReplayRequest {
        headers = List.copyOf(headers);
        body = body.clone();
        if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("method '" + method + "' must be an upper-case HTTP method such as GET");
        }
        if (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("path '" + target + "' must start with / and contain no spaces");
        }
    }

    /** A request read as written, of no request kind. */
    public ReplayRequest(String method, String target, List<Header> headers, byte[] body) {
        this(method, target, headers, body, Optional.empty());
    }

    /** @return a GET of {@code target} without headers */
    public static ReplayRequest get(String target) {
        return new ReplayRequest("GET", target, List.of(), new byte[0]);
    }

    /** @return the endpoint the report groups it under: its kind's, or the one of its method and target */
    public Endpoint endpoint() {
        return kind.map(k -> Endpoint.kind(k.name(), k.method(), k.path())).orElseGet(() -> Endpoint.of(method, target));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayRequest r && r.method.equals(method) && r.target.equals(target) && r.headers.equals(headers)
                && Arrays.equals(r.body, body) && r.kind.map(RequestKind::name).equals(kind.map(RequestKind::name));
    }

    @Override
    public int hashCode() {
        return method.hashCode() * 31 + target.hashCode();
    }

    @Override
    public String toString() {
        return method + " " + target + (body.length == 0 ? "" : " (" + body.length + " bytes)");
    }
}
