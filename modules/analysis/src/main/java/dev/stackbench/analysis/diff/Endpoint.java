package dev.stackbench.analysis.diff;

import java.util.regex.Pattern;

/**
 * An endpoint: method and path template, under which requests are grouped. Integers in the path
 * collapse to {@code {id}} ({@code /api/users/7} and {@code /api/users/10001} are both
 * {@code /api/users/{id}}), integer query values to {@code {n}} ({@code /io?ms=10} is
 * {@code /io?ms={n}}); anything else stays as written ({@code /api/users/abc}), since a
 * non-integer is usually a case of its own (a 4xx). A request drawn from a scenario's request kind
 * belongs to the kind instead ({@link #kind}): its name and its path as written, templates and all.
 *
 * @param method   e.g. {@code GET}
 * @param template e.g. {@code /api/users/{id}}, or a kind's path such as {@code /api/users/{random:1..10000}}
 * @param name     the request kind's name, e.g. {@code users}; empty for an endpoint derived from its targets
 */
public record Endpoint(String method, String template, String name) implements Comparable<Endpoint> {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    /** An endpoint derived from its targets, without a name. */
    public Endpoint(String method, String template) {
        this(method, template, "");
    }

    /** @return the endpoint of a scenario's request kind: every request drawn from it, whatever its template values */
    public static Endpoint kind(String name, String method, String path) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a request kind's endpoint needs its name");
        }
        return new Endpoint(method, path, name);
    }

    /** @param target path and query as sent */
    public static Endpoint of(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        StringBuilder t = new StringBuilder(String.join("/", java.util.Arrays.stream(path.split("/", -1))
                .map(segment -> INTEGER.matcher(segment).matches() ? "{id}" : segment).toList()));
        if (q >= 0) {
            StringBuilder query = new StringBuilder();
            for (String param : target.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                query.append(query.isEmpty() ? "?" : "&");
                query.append(eq >= 0 && INTEGER.matcher(param.substring(eq + 1)).matches() ? param.substring(0, eq + 1) + "{n}" : param);
            }
            t.append(query);
        }
        return new Endpoint(method, t.toString());
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = template.compareTo(o.template);
        c = c != 0 ? c : method.compareTo(o.method);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** @return e.g. {@code GET /api/users/{id}}, or {@code users: GET /api/users/{random:1..10000}} for a kind */
    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + ": ") + method + " " + template;
    }
}
