package dev.stackbench.runner.diff;

import dev.stackbench.loadgen.Header;
import java.util.Arrays;
import java.util.List;

/**
 * One request to replay.
 *
 * @param method  upper-case method, e.g. {@code GET}
 * @param target  path and query, starting with {@code /}, e.g. {@code /api/users/7?full=1}
 * @param headers request headers (Host, Content-Length and the other headers the HTTP client owns are dropped when read)
 * @param body    body bytes, empty for none
 */
public record ReplayRequest(String method, String target, List<Header> headers, byte[] body) {
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

    /** @return a GET of {@code target} without headers */
    public static ReplayRequest get(String target) {
        return new ReplayRequest("GET", target, List.of(), new byte[0]);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayRequest r && r.method.equals(method) && r.target.equals(target) && r.headers.equals(headers)
                && Arrays.equals(r.body, body);
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
