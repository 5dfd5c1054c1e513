package dev.stackbench.lab.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackbench.lab.manifest.Workload;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Checks a running server against API spec v2 (docs/api.md), one request per check, in order:
 * {@code /json}; {@code /api/users/{1,42,10000}} exact; {@code 0, 10001, -1, 99999999999} 404
 * {@code {"error":"User not found"}}; {@code abc, 1.5} a 4xx with a JSON error; {@code /io?ms=50}
 * exact and at least 50 ms; {@code /io} bad input 400; {@code /cpu?n=10000} 1229 and {@code n=100}
 * 25; {@code /cpu} bad input 400. Every response must carry {@code Server}, an IMF-fixdate
 * {@code Date}, {@code Content-Type: application/json} and {@code Content-Length} or chunked
 * transfer coding. Bodies compare as JSON values: same keys, values and types, nothing extra.
 * With {@code realtime} listed (spec v2), three WebSocket checks follow ({@link RealtimeCheck}):
 * {@code WS /ws broadcast}, {@code WS /ws ping}, {@code WS /ws close}, each bounded by
 * {@link #REALTIME_TIMEOUT}.
 *
 * <pre>{@code
 * VerificationReport r = new SpecVerifier().verify("express", URI.create("http://127.0.0.1:8080"),
 *         EnumSet.allOf(Workload.class));
 * }</pre>
 *
 * Thread-safe; requests go one at a time over HTTP/1.1.
 */
public final class SpecVerifier {
    /** Time limit of one request. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Bound of each WebSocket step of the realtime checks: connect + upgrade, the deliveries, the pong, the close. */
    public static final Duration REALTIME_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_SHOWN_CHARS = 80;
    private static final String CONNECT_FAILED = "cannot connect to";
    private static final Pattern JSON_TYPE = Pattern.compile("application/json\\s*(;\\s*charset=\"?utf-8\"?\\s*)?",
            Pattern.CASE_INSENSITIVE);
    /** RFC 7231 IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}; the weekday must match the date. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withResolverStyle(ResolverStyle.STRICT);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Duration realtimeTimeout;

    /** A verifier with the spec's bounds ({@link #REALTIME_TIMEOUT} for the WebSocket checks). */
    public SpecVerifier() {
        this(REALTIME_TIMEOUT);
    }

    /** @param realtimeTimeout bound of each WebSocket step (tests shorten it) */
    SpecVerifier(Duration realtimeTimeout) {
        this.realtimeTimeout = realtimeTimeout;
    }

    /** What one check expects. */
    private sealed interface Expect permits Exact, ErrorObject {
    }

    /** This status and this JSON body, exactly. */
    private record Exact(int status, JsonNode body) implements Expect {
    }

    /** A status in [minStatus, maxStatus] and a JSON object with an {@code error} or {@code detail} member. */
    private record ErrorObject(int minStatus, int maxStatus) implements Expect {
    }

    /** One request and what it must give; {@code minMillis} > 0 also bounds how long it takes. */
    private record Probe(String path, Expect expect, long minMillis) {
    }

    /**
     * @param contestant its id, for the report
     * @param base       e.g. {@code http://127.0.0.1:8080}
     * @param workloads  which endpoints to check ({@code json} always; {@code user}, {@code io},
     *                   {@code cpu}, {@code realtime} when listed)
     */
    public VerificationReport verify(String contestant, URI base, Set<Workload> workloads) {
        List<CheckResult> results = new ArrayList<>();
        List<Probe> probes = probes(workloads);
        boolean realtime = workloads.contains(Workload.REALTIME);
        for (int i = 0; i < probes.size(); i++) {
            CheckResult result = check(base, probes.get(i));
            results.add(result);
            if (result instanceof CheckResult.Failed f && f.reason().startsWith(CONNECT_FAILED)) {
                // nothing listens (any more): the other checks would only say the same
                int more = probes.size() - i - 1 + (realtime ? RealtimeCheck.CHECKS : 0);
                results.add(new CheckResult.Failed("GET (" + more + " more)", "not checked: "
                        + CONNECT_FAILED + " " + base));
                return new VerificationReport(contestant, results, OptionalLong.empty());
            }
        }
        if (realtime) {
            results.addAll(new RealtimeCheck(http, realtimeTimeout).run(base));
        }
        return new VerificationReport(contestant, results, OptionalLong.empty());
    }

    private List<Probe> probes(Set<Workload> workloads) {
        List<Probe> p = new ArrayList<>();
        p.add(exact("/json", 200, "{\"message\":\"Hello, World!\"}"));
        if (workloads.contains(Workload.USER)) {
            for (int id : new int[] {1, 42, 10000}) {
                p.add(exact("/api/users/" + id, 200,
                        "{\"id\":" + id + ",\"name\":\"User " + id + "\",\"email\":\"user" + id + "@example.com\"}"));
            }
            for (String id : new String[] {"0", "10001", "-1", "99999999999"}) {
                p.add(exact("/api/users/" + id, 404, "{\"error\":\"User not found\"}"));
            }
            p.add(new Probe("/api/users/abc", new ErrorObject(400, 499), 0));
            p.add(new Probe("/api/users/1.5", new ErrorObject(400, 499), 0));
        }
        if (workloads.contains(Workload.IO)) {
            p.add(new Probe("/io?ms=50", new Exact(200, parse("{\"waitedMs\":50}")), 50));
            for (String bad : new String[] {"/io", "/io?ms=abc", "/io?ms=-1", "/io?ms=10001"}) {
                p.add(new Probe(bad, new ErrorObject(400, 400), 0));
            }
        }
        if (workloads.contains(Workload.CPU)) {
            p.add(exact("/cpu?n=10000", 200, "{\"n\":10000,\"primes\":1229}"));
            p.add(exact("/cpu?n=100", 200, "{\"n\":100,\"primes\":25}"));
            for (String bad : new String[] {"/cpu", "/cpu?n=abc", "/cpu?n=0", "/cpu?n=1000001"}) {
                p.add(new Probe(bad, new ErrorObject(400, 400), 0));
            }
        }
        return p;
    }

    private Probe exact(String path, int status, String body) {
        return new Probe(path, new Exact(status, parse(body)), 0);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad expected body " + body, e);
        }
    }

    private CheckResult check(URI base, Probe probe) {
        String name = "GET " + probe.path();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(probe.path())).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response;
        long start = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return new CheckResult.Failed(name, CONNECT_FAILED + " " + base);
        } catch (IOException e) {
            return new CheckResult.Failed(name, "no response: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult.Failed(name, "interrupted");
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<String> problems = new ArrayList<>();
        checkStatusAndBody(probe.expect(), response, problems);
        if (probe.minMillis() > 0 && tookMillis < probe.minMillis()) {
            problems.add("took " + tookMillis + " ms; expected >= " + probe.minMillis() + " ms");
        }
        checkHeaders(response, problems);
        return problems.isEmpty() ? new CheckResult.Passed(name) : new CheckResult.Failed(name, String.join("; ", problems));
    }

    private void checkStatusAndBody(Expect expect, HttpResponse<String> r, List<String> problems) {
        Optional<JsonNode> body = readJson(r.body());
        if (expect instanceof Exact e) {
            if (r.statusCode() != e.status()) {
                problems.add("status: expected " + e.status() + ", got " + r.statusCode());
            }
            if (body.isEmpty() || !body.get().equals(e.body())) {
                problems.add("body: expected " + e.body() + ", got " + shown(r.body()));
            }
        } else if (expect instanceof ErrorObject e) {
            if (r.statusCode() < e.minStatus() || r.statusCode() > e.maxStatus()) {
                problems.add("status: expected " + (e.minStatus() == e.maxStatus() ? Integer.toString(e.minStatus())
                        : e.minStatus() / 100 + "xx") + ", got " + r.statusCode());
            }
            if (body.isEmpty() || !body.get().isObject() || !(body.get().has("error") || body.get().has("detail"))) {
                problems.add("body: expected a JSON object with \"error\" or \"detail\", got " + shown(r.body()));
            }
        }
    }

    private void checkHeaders(HttpResponse<String> r, List<String> problems) {
        Optional<String> server = r.headers().firstValue("server");
        if (server.isEmpty() || server.get().isBlank()) {
            problems.add("header Server: missing");
        }
        Optional<String> date = r.headers().firstValue("date");
        if (date.isEmpty()) {
            problems.add("header Date: missing");
        } else if (!isImfFixdate(date.get())) {
            problems.add("header Date: \"" + date.get() + "\" is not an IMF-fixdate like \"Sun, 06 Nov 1994 08:49:37 GMT\"");
        }
        Optional<String> type = r.headers().firstValue("content-type");
        if (type.isEmpty() || !JSON_TYPE.matcher(type.get().strip()).matches()) {
            problems.add("header Content-Type: expected application/json, got " + type.map(t -> "\"" + t + "\"").orElse("none"));
        }
        boolean length = r.headers().firstValue("content-length").isPresent();
        boolean chunked = r.headers().allValues("transfer-encoding").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
        if (!length && !chunked) {
            problems.add("header Content-Length: missing, and the body is not chunked");
        }
    }

    /** @return true for an RFC 7231 IMF-fixdate such as {@code Sun, 06 Nov 1994 08:49:37 GMT} */
    static boolean isImfFixdate(String value) {
        try {
            IMF_FIXDATE.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private Optional<JsonNode> readJson(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String shown(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return "an empty body";
        }
        return oneLine.length() > MAX_SHOWN_CHARS ? oneLine.substring(0, MAX_SHOWN_CHARS) + "..." : oneLine;
    }
}
