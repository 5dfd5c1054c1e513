package dev.stackbench.analysis.diff;

import java.util.regex.Pattern;

/**
 * An endpoint: method and path template, under which requests are grouped. Integers in the path
 * collapse to {@code {id}} ({@code /api/users/7} and {@code /api/users/10001} are both
 * {@code /api/users/{id}}), integer query values to {@code {n}} ({@code /io?ms=10} is
 * {@code /io?ms={n}}); anything else stays as written ({@code /api/users/abc}), since a
 * non-integer is usually a case of its own (a 4xx).
 *
 * @param method   e.g. {@code GET}
 * @param template e.g. {@code /api/users/{id}}
 */
public record Endpoint(String method, String template) implements Comparable<Endpoint> {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

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
        return c != 0 ? c : method.compareTo(o.method);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
