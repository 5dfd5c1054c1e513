package dev.stackbench.analysis.diff;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What one backend gave for one request: a response, or no response at all. */
public sealed interface Response permits Response.Answered, Response.Failed {

    /**
     * An HTTP response.
     *
     * @param status  the status code
     * @param headers header names in lower case (HTTP names are case-insensitive), each with its values in order
     * @param body    the body bytes, empty for none
     */
    record Answered(int status, Map<String, List<String>> headers, byte[] body) implements Response {
        public Answered {
            TreeMap<String, List<String>> lower = new TreeMap<>();
            headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
            headers = java.util.Collections.unmodifiableMap(lower);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** @return the header's values joined by {@code ", "}, if present; {@code name} in any case */
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? Optional.empty() : Optional.of(String.join(", ", v));
        }

        /** @return whether the Content-Type is JSON: {@code application/json} or a {@code +json} type */
        public boolean isJson() {
            String type = header("content-type").orElse("").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return type.equals("application/json") || type.endsWith("+json");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Answered a && a.status == status && a.headers.equals(headers) && Arrays.equals(a.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Answered[" + status + ", " + headers + ", " + body.length + " bytes]";
        }
    }

    /**
     * No response: connection refused, reset, timed out.
     *
     * @param reason one line, e.g. {@code connection refused} or {@code no response within 10s}
     */
    record Failed(String reason) implements Response {
    }
}
