package dev.stackbench.loadgen;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One kind of request of a mix: what to send and how often relative to the others. Its path may
 * hold templates, {@code {random:MIN..MAX}}, replaced per request by a whole number drawn uniformly
 * from {@code MIN..MAX} (both included) with the run's seeded random ({@link LoadSpec#seed()}).
 *
 * @param name    how results and thresholds name the kind: letters, digits, {@code . _ -}
 * @param method  upper-case HTTP method, e.g. {@code GET}
 * @param path    request target (path and query), starting with {@code /}, templates allowed
 * @param headers extra request headers (Host, User-Agent and Content-Length are added)
 * @param body    request body bytes, empty for none
 * @param weight  relative frequency, &gt;= 1: a kind of weight 9 beside one of weight 1 is 90% of the requests
 */
public record RequestKind(String name, String method, String path, List<Header> headers, byte[] body, int weight) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public RequestKind {
        headers = List.copyOf(headers);
        body = body.clone();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("request name '" + name + "' must be letters, digits, '.', '_' or '-', e.g. json");
        }
        if (method == null || method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("method '" + method + "' must be an upper-case HTTP method such as GET");
        }
        if (path == null || !path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw new IllegalArgumentException("path '" + path + "' must start with / and contain no spaces");
        }
        PathTemplate.parse(path); // throws for a malformed template
        if (weight < 1) {
            throw new IllegalArgumentException("weight (" + weight + ") of request '" + name + "' must be a whole number >= 1");
        }
    }

    /** A kind of weight 1 with no headers and no body. */
    public RequestKind(String name, String method, String path) {
        this(name, method, path, List.of(), new byte[0], 1);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return this kind with another weight */
    public RequestKind withWeight(int w) {
        return new RequestKind(name, method, path, headers, body, w);
    }

    /** @return whether responses to this kind have no body by definition (HEAD) */
    public boolean isHead() {
        return "HEAD".equals(method);
    }

    /**
     * The name a kind gets when none is given: the last path segment that is no template, without
     * its query, e.g. {@code json} for {@code /json}, {@code users} for {@code /api/users/{random:1..10}},
     * {@code cpu} for {@code /cpu?n=10000}; {@code root} for {@code /}. Characters a name may not
     * hold become {@code _}.
     */
    public static String defaultName(String path) {
        String p = path;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        String[] segments = p.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String s = segments[i];
            if (!s.isEmpty() && !s.contains("{")) {
                return s.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
            }
        }
        return "root";
    }

    @Override
    public String toString() {
        return name + " (" + method + " " + path + ", weight " + weight + ")";
    }
}
