package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exact text and exit code of {@code stackbench load}'s errors, and one real run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadCommandTest {

    private record Outcome(int exitCode, String out, String err) { }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void zeroConnectionsIsAUsageError() {
        Outcome o = run("load", "--connections", "0", "http://127.0.0.1:1/");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("stackbench: --connections (0) must be >= 1\nTry 'stackbench load --help' for usage.\n");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void fewerConnectionsThanThreadsIsAUsageError() {
        Outcome o = run("load", "-c", "8", "-t", "16", "http://127.0.0.1:1/");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("stackbench: --connections (8) must be >= --threads (16)\n");
    }

    @Test
    void malformedUrlIsAUsageError() {
        Outcome o = run("load", "http://exa mple.com/");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("stackbench: URL 'http://exa mple.com/' is not valid (Illegal character in authority): "
                + "expected http://host[:port][/path], e.g. http://127.0.0.1:8080/json\n");
        assertThat(run("load", "localhost:8080").err())
                .startsWith("stackbench: URL 'localhost:8080' is not valid: expected http[s]://host[:port][/path], e.g. http://127.0.0.1:8080/json\n");
    }

    @Test
    void tlsAndHttp2OptionsOutOfPlaceAreUsageErrors() {
        Outcome streams = run("load", "--streams", "4", "http://127.0.0.1:1/");
        assertThat(streams.exitCode()).isEqualTo(2);
        assertThat(streams.err()).startsWith("stackbench: --streams (4) needs --http2: HTTP/1.1 has one request in flight per connection\n");
        assertThat(run("load", "--http2", "--streams", "0", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --streams (0) must be >= 1\n");
        assertThat(run("load", "--insecure", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --insecure applies to https:// and wss:// URLs only, not to 'http://127.0.0.1:1/'\n");
        assertThat(run("load", "--tls-provider", "jdk", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --tls-provider applies to https:// URLs only, not to 'http://127.0.0.1:1/'\n");
        Outcome ws = run("load", "--http2", "ws://127.0.0.1:1/ws");
        assertThat(ws.exitCode()).isEqualTo(2);
        assertThat(ws.err()).startsWith("stackbench: --http2 applies to http:// and https:// URLs only, not to the WebSocket URL"
                + " 'ws://127.0.0.1:1/ws'\n");
    }

    @Test
    void rateWithoutDurationIsAUsageError() {
        Outcome o = run("load", "-R", "20000", "http://127.0.0.1:1/");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("stackbench: --rate needs --duration: say how long to keep the rate, e.g. -R 20000 -d 30s\n");
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        assertThat(run("load", "-d", "soon", "http://127.0.0.1:1/").err()).startsWith(
                "stackbench: Invalid value for option '--duration': 'soon' is not a duration: expected a number with a unit (ms, s, m, h), e.g. 10s or 500ms\n");
        assertThat(run("load", "-R", "-5", "-d", "1s", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --rate (-5.0) must be a positive number of requests per second\n");
        assertThat(run("load", "-H", "nocolon", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --header 'nocolon' is not of the form 'Name: value'\n");
        assertThat(run("load", "--body", "x", "--body-file", "/etc/hostname", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --body and --body-file cannot be used together: choose one\n");
        assertThat(run("load", "--body-file", "/no/such/file", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --body-file '/no/such/file' is not a readable file\n");
        assertThat(run("load").err()).startsWith("stackbench: Missing required parameter: 'URL'\n");
        assertThat(run("load", "--warmup", "soon", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --warmup 'soon' is neither a duration (e.g. 5s) nor 'stable'\n");
        assertThat(run("load", "--max-connections", "50", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --max-connections applies to the open model only: add --rate, or use --connections for the closed model\n");
        assertThat(run("load", "-c", "20", "-R", "100", "-d", "1s", "--max-connections", "5", "http://127.0.0.1:1/").err())
                .startsWith("stackbench: --max-connections (5) must be >= --connections (20)\n");
        assertThat(run("load", "-c", "0", "http://127.0.0.1:1/").exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void timeoutsArePrintedAsCensoredLowerBounds(@TempDir Path dir) throws Exception {
        // a server that never accepts: the kernel completes the connects, nobody ever answers
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            Path json = dir.resolve("silent.json");
            Outcome o = run("load", "-c", "2", "-t", "1", "-d", "1s", "--timeout", "200ms", "--json", json.toString(),
                    "http://127.0.0.1:" + silent.getLocalPort() + "/");

            assertThat(o.exitCode()).as(o.err()).isEqualTo(0);
            JsonNode result = new ObjectMapper().readTree(json.toFile()).path("result");
            long timeouts = result.path("errors").path("timeout").asLong();
            assertThat(timeouts).isPositive();
            assertThat(result.path("censored").path("count").asLong()).isEqualTo(timeouts);
            assertThat(result.path("latencyCount").asLong()).isEqualTo(timeouts);
            assertThat(result.path("censored").path("lowerBoundPercentiles")).hasSize(7);
            assertThat(o.out()).containsPattern("\\n  Latency +≥ 20\\d ms +≥ ")
                    .containsPattern("\\n  Success +none\\n")
                    .contains(String.format(java.util.Locale.ROOT, "  Censored   %d (%d timeouts at their timeout, 0 unsent", timeouts, timeouts))
                    .contains("(≥: a lower bound: the censored values could raise it)");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void h2cToAnHttp11OnlyServerIsOneLineAndExitCode3() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            Outcome o = run("load", "--http2", "-c", "1", "-d", "1s", "http://127.0.0.1:" + port + "/");

            assertThat(o.exitCode()).as(o.err()).isEqualTo(3);
            assertThat(o.err()).startsWith("stackbench: HTTP/2 with prior knowledge (h2c) refused by 127.0.0.1:" + port + ": ")
                    .endsWith("; a server that speaks only HTTP/1.1 over plain TCP needs the run without HTTP/2\n")
                    .hasLineCount(1);
            assertThat(o.out()).doesNotContain("Requests");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRealRunPrintsTheSummaryAndWritesJsonAndHlog(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/json", ex -> {
            byte[] body = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Path json = dir.resolve("result.json");
            Path hlog = dir.resolve("run.hlog");
            Outcome o = run("load", "-c", "2", "-t", "1", "-d", "2s", "--latency", "--timeline",
                    "--json", json.toString(), "--hlog", hlog.toString(),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/json");

            assertThat(o.exitCode()).as(o.err()).isEqualTo(0);
            assertThat(o.out()).contains("closed model, 2 connections, 1 thread, 2s, timeout 2s")
                    .contains("Requests").contains("Latency").contains("Errors     none")
                    .contains("Value     Percentile TotalCount 1/(1-Percentile)");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(o.out()).contains("  Success  ").contains("  Censored   0 (0 timeouts at their timeout, 0 unsent")
                    .contains("hiccups p99 ").contains("steal ");
            assertThat(root.path("formatVersion").asInt()).isEqualTo(3);
            assertThat(root.path("result").path("censored").path("count").asLong()).isZero();
            assertThat(root.path("result").path("successCount").asLong()).isEqualTo(root.path("result").path("latencyCount").asLong());
            assertThat(root.path("generator").path("connectionLimited").asBoolean()).isFalse();
            assertThat(root.path("generator").path("hiccupMaxMicros").isNumber()).isTrue();
            assertThat(root.path("generator").path("stealFraction").isNumber()).isTrue();
            long requests = root.path("result").path("requests").asLong();
            assertThat(requests).isPositive();
            assertThat(root.path("result").path("latencyMicros").path("p99").asLong()).isPositive();
            assertThat(root.path("result").path("errors").path("connect").isNumber()).isTrue();
            assertThat(root.path("result").path("errors").path("status").isObject()).isTrue();
            assertThat(root.path("result").path("timeline")).hasSize(2);
            assertThat(root.path("environment").path("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
            assertThat(root.path("environment").path("cpuModel").asText()).isNotEmpty();

            long logged = 0;
            try (org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(hlog.toFile())) {
                for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                    logged += ((org.HdrHistogram.Histogram) h).getTotalCount();
                }
            }
            assertThat(logged).as("the interval log holds every recorded request, and no kind's tagged copy for one kind").isEqualTo(requests);
            assertThat(Files.readString(hlog)).contains("#[BaseTime: ");
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer server(int status, java.util.Map<String, java.util.concurrent.atomic.LongAdder> seen) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.computeIfAbsent(ex.getRequestURI().getPath(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }

    @Test
    void aMixIsReportedPerKindInTheSummaryTheJsonAndTheTaggedIntervalLog(@TempDir Path dir) throws Exception {
        java.util.Map<String, java.util.concurrent.atomic.LongAdder> seen = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer server = server(200, seen);
        try {
            Path json = dir.resolve("mix.json");
            Path hlog = dir.resolve("mix.hlog");
            Outcome o = run("load", "-c", "2", "-t", "1", "-d", "2s", "--json", json.toString(), "--hlog", hlog.toString(),
                    "--request", "GET /a", "--weight", "3", "--request", "GET /users/{random:1..5}", "--name", "users",
                    "--threshold", "p99<10s", "--threshold", "users:errors<1%",
                    "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(o.exitCode()).as(o.err()).isEqualTo(0);
            assertThat(o.out()).contains("a mix of 2 requests")
                    .contains("  requests: a 75% (GET /a), users 25% (GET /users/{random:1..5}); seed 1")
                    .containsPattern("\\n  a +75\\.0% ").containsPattern("\\n  users +25\\.0% ")
                    .contains("  Threshold  PASS p99<10000ms: was ").contains("  Threshold  PASS users:errors<1%: was 0.000%");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            JsonNode kinds = root.path("result").path("kinds");
            assertThat(kinds).hasSize(2);
            assertThat(kinds.get(0).path("name").asText()).isEqualTo("a");
            assertThat(kinds.get(1).path("name").asText()).isEqualTo("users");
            long a = kinds.get(0).path("latencyCount").asLong();
            long users = kinds.get(1).path("latencyCount").asLong();
            assertThat(a + users).isEqualTo(root.path("result").path("latencyCount").asLong());
            assertThat(a).isEqualTo(seen.get("/a").sum());
            assertThat(seen.keySet()).containsExactlyInAnyOrder("/a", "/users/1", "/users/2", "/users/3", "/users/4", "/users/5");
            assertThat(root.path("spec").path("requests").get(1).path("path").asText()).isEqualTo("/users/{random:1..5}");
            assertThat(root.path("result").path("thresholds")).hasSize(2);
            assertThat(root.path("result").path("thresholdsPassed").asBoolean()).isTrue();

            java.util.Map<String, Long> byTag = new java.util.TreeMap<>();
            try (org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(hlog.toFile())) {
                for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                    byTag.merge(String.valueOf(h.getTag()), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
                }
            }
            assertThat(byTag.keySet()).containsExactly("kind:a", "kind:users", "null");
            assertThat(byTag.get("kind:a") + byTag.get("kind:users")).isEqualTo(byTag.get("null"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTemplateInTheUrlsOwnPathIsDrawnPerRequest() throws Exception {
        java.util.Map<String, java.util.concurrent.atomic.LongAdder> seen = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer server = server(200, seen);
        try {
            Outcome o = run("load", "-c", "1", "-t", "1", "-d", "1s", "--seed", "5",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/users/{random:1..3}/x");
            assertThat(o.exitCode()).as(o.err()).isEqualTo(0);
            assertThat(o.out()).contains("  requests: x 100% (GET /users/{random:1..3}/x); seed 5");
            assertThat(seen.keySet()).containsExactlyInAnyOrder("/users/1/x", "/users/2/x", "/users/3/x");
            assertThat(run("load", "http://127.0.0.1:1/u/{random:3..1}").err()).startsWith("stackbench: URL 'http://127.0.0.1:1/u/{random:3..1}':"
                    + " path '/u/{random:3..1}' has the template '{random:3..1}'; expected {random:MIN..MAX} with 0 <= MIN <= MAX, e.g. {random:1..10000}\n");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFailedThresholdExitsWithItsOwnCodeAndSaysWhich() throws Exception {
        HttpServer server = server(200, new java.util.concurrent.ConcurrentHashMap<>());
        try {
            Outcome o = run("load", "-c", "1", "-t", "1", "-d", "1s", "--threshold", "p50<1us", "--threshold", "errors<=0%",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/json");
            assertThat(o.exitCode()).isEqualTo(ExitCode.THRESHOLD_FAILED.code()).isEqualTo(4);
            assertThat(o.out()).contains("  Threshold  FAIL p50<1us: was ").contains("  Threshold  PASS errors<=0%: was 0.000%");
            assertThat(o.err()).isEqualTo("stackbench: 1 of 2 thresholds failed: p50<1us\n");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void abortOnFailEndsTheRunEarlyOnceAThresholdIsLost() throws Exception {
        HttpServer server = server(503, new java.util.concurrent.ConcurrentHashMap<>());
        try {
            long start = System.nanoTime();
            Outcome o = run("load", "-c", "1", "-t", "1", "-d", "20s", "--threshold", "errors<1%", "--abort-on-fail",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/json");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(o.exitCode()).isEqualTo(4);
            assertThat(o.out()).contains("  Threshold  FAIL errors<1%: was 100.000%").contains("  ABORTED    a threshold failed ");
            assertThat(seconds).as("ended after its first second, not after 20 s").isLessThan(15);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void thresholdMixAndRateErrorsAreOneExactLine(@TempDir Path dir) throws Exception {
        String url = "http://127.0.0.1:1";
        assertThat(run("load", "--threshold", "p98<50ms", url + "/").err()).isEqualTo("stackbench: --threshold 'p98<50ms': unknown metric 'p98';"
                + " expected one of p50, p75, p90, p99, p99.9, p99.99, max, mean, errors, rate, rps\nTry 'stackbench load --help' for usage.\n");
        assertThat(run("load", "--threshold", "p99 50ms", url + "/").err()).startsWith("stackbench: --threshold 'p99 50ms' is not of the form"
                + " [KIND:]METRIC OP VALUE, e.g. p99<50ms, errors<0.1%, rate>=0.97 or json:p99<10ms\n");
        assertThat(run("load", "--threshold", "p99<fast", url + "/").err()).startsWith("stackbench: --threshold 'p99<fast': 'fast' is not"
                + " a latency; expected a number with a unit (us, ms, s), e.g. 50ms or 500us\n");
        assertThat(run("load", "--threshold", "rate>=0.97", url + "/").err()).startsWith("stackbench: --threshold 'rate>=0.97' compares"
                + " the achieved with the target rate, which only the open model has: add --rate, or use rps\n");
        assertThat(run("load", "--request", "GET /json", "--threshold", "jsn:p99<10ms", url).err()).startsWith(
                "stackbench: --threshold 'jsn:p99<10ms' names the request 'jsn', which the mix does not have; expected one of json\n");
        assertThat(run("load", "--abort-on-fail", url + "/").err()).startsWith(
                "stackbench: --abort-on-fail needs a --threshold to watch, e.g. --threshold 'p99<50ms'\n");
        assertThat(run("load", "--request", "GET /json", "ws://127.0.0.1:1/echo").err()).isEqualTo("stackbench: --request applies to"
                + " http:// and https:// URLs only, not to the WebSocket URL 'ws://127.0.0.1:1/echo'; for WebSocket messages use --template,"
                + " --message-size and --message-type\nTry 'stackbench load --help' for usage.\n");
        assertThat(run("load", "--threshold", "p99<1ms", "ws://127.0.0.1:1/echo").err()).startsWith("stackbench: --threshold applies to"
                + " http:// and https:// URLs only, not to the WebSocket URL 'ws://127.0.0.1:1/echo'\n");
        assertThat(run("load", "-R", "100..200/10s", "ws://127.0.0.1:1/echo").err()).startsWith("stackbench: --rate '100..200/10s' is a"
                + " schedule, which applies to http:// and https:// URLs only; a WebSocket load takes one rate, e.g. -R 1000\n");
        assertThat(run("load", "--request", "json", url).err()).startsWith("stackbench: --request 'json' is not of the form 'METHOD PATH',"
                + " e.g. 'GET /json' or 'POST /api/users/{random:1..10000}'\n");
        assertThat(run("load", "--request", "GET /a/{random:9..1}", url).err()).startsWith("stackbench: --request 'GET /a/{random:9..1}':"
                + " path '/a/{random:9..1}' has the template '{random:9..1}'; expected {random:MIN..MAX} with 0 <= MIN <= MAX, e.g. {random:1..10000}\n");
        assertThat(run("load", "--request", "GET /a", "--request", "GET /x/a", url).err()).startsWith(
                "stackbench: two requests are named 'a': give one of them --name NAME after its --request\n");
        assertThat(run("load", "--request", "GET /a", url + "/json").err()).startsWith("stackbench: URL 'http://127.0.0.1:1/json' has a"
                + " path, but --request gives the paths: give only http://host[:port], e.g. http://127.0.0.1:1\n");
        assertThat(run("load", "--request", "GET /a", "--method", "POST", url).err()).startsWith("stackbench: --method, --body and"
                + " --body-file apply to the URL's own request; with --request, write the method in it ('POST /path') and use --request-body\n");
        assertThat(run("load", "-R", "1000..fast/10s", url + "/").err()).startsWith("stackbench: --rate '1000..fast/10s' is not a rate:"
                + " expected requests per second such as 2000, a ramp such as 1000..10000/60s or steps such as 1000,2000,4000/10s\n");
        assertThat(run("load", "-R", "100,200/5s", "-d", "5s", url + "/").err()).startsWith("stackbench: --duration (5s) differs from the"
                + " length of the rate schedule (10s): drop --duration, or make them equal\n");
        assertThat(run("load", "--arrivals", "poisson", url + "/").err()).startsWith(
                "stackbench: --arrivals applies to the open model only: add --rate\n");
    }

    @Test
    void aMalformedScenarioFileIsOneLineNamingTheFileTheKeyAndTheValue(@TempDir Path dir) throws Exception {
        String url = "http://127.0.0.1:1";
        Path f = dir.resolve("s.yaml");
        java.util.function.Function<String, String> error = yaml -> {
            try {
                Files.writeString(f, yaml);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String err = run("load", "--scenario", f.toString(), url).err();
            return err.substring(0, err.indexOf('\n'));
        };
        String file = "stackbench: scenario file '" + f + "': ";
        assertThat(error.apply("requests:\n  - path: /a\n    weight: nine\n"))
                .isEqualTo(file + "requests[0].weight is \"nine\"; expected a whole number >= 1");
        assertThat(error.apply("requests:\n  - path: /a\n    wieght: 2\n"))
                .isEqualTo(file + "unknown field 'requests[0].wieght'; expected one of name, method, path, headers, body, weight");
        assertThat(error.apply("requests:\n  - method: GET\n"))
                .isEqualTo(file + "missing field 'requests[0].path'; expected a request target starting with /, e.g. /json");
        assertThat(error.apply("requests: []\n"))
                .isEqualTo(file + "requests is a list []; expected a list of requests, each with at least a path");
        assertThat(error.apply("requests:\n  - path: /a\nstages:\n  - rate: fast\n    duration: 10s\n"))
                .isEqualTo(file + "stages[0].rate is \"fast\"; expected requests per second such as 2000, 2.5k or 500/s, > 0");
        assertThat(error.apply("requests:\n  - path: /a\nthresholds: [p98<1ms]\n"))
                .isEqualTo(file + "thresholds[0] 'p98<1ms': unknown metric 'p98'; expected one of p50, p75, p90, p99, p99.9, p99.99, max, mean, errors, rate, rps");
        assertThat(error.apply("requests:\n  - path: /a\n  - path: /b/a\n"))
                .isEqualTo(file + "requests[1].name is \"a\", which an earlier request has; expected a name of its own");
        assertThat(error.apply("requests:\n  - path: /a\narrivals: sometimes\n"))
                .isEqualTo(file + "arrivals is \"sometimes\"; expected constant or poisson");
        assertThat(run("load", "--scenario", dir.resolve("none.yaml").toString(), url).err()).startsWith(
                "stackbench: scenario file '" + dir.resolve("none.yaml") + "': cannot be read: java.nio.file.NoSuchFileException: ");
    }

    @Test
    void aScenarioFileWithStagesRunsTheScheduleAndReportsEachStage(@TempDir Path dir) throws Exception {
        java.util.Map<String, java.util.concurrent.atomic.LongAdder> seen = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer server = server(200, seen);
        try {
            Path f = dir.resolve("s.yaml");
            Files.writeString(f, """
                    requests:
                      - name: json
                        path: /json
                        headers: {Accept: application/json}
                        weight: 4
                      - path: /echo
                        method: POST
                        body: '{"a": 1}'
                    stages:
                      - rate: 50
                        duration: 1s
                      - from: 50
                        to: 150
                        duration: 1s
                    arrivals: poisson
                    thresholds: [json:p99<10s]
                    """);
            Path json = dir.resolve("r.json");
            Outcome o = run("load", "-c", "2", "-t", "1", "--scenario", f.toString(), "--json", json.toString(),
                    "http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(o.exitCode()).as(o.err()).isEqualTo(0);
            assertThat(o.out()).contains("open model on a schedule of 2 stages, 50.0 to 150 req/s (mean 75.0)")
                    .contains("Poisson arrivals").contains("  Stage ").contains("  Threshold  PASS json:p99<10000ms");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.path("spec").path("durationSeconds").asDouble()).isEqualTo(2.0);
            assertThat(root.path("spec").path("arrivals").asText()).isEqualTo("poisson");
            assertThat(root.path("result").path("stages")).hasSize(2);
            assertThat(root.path("result").path("stages").get(1).path("targetPerSecond").asDouble()).isEqualTo(100.0);
            assertThat(seen.keySet()).containsExactlyInAnyOrder("/json", "/echo");
        } finally {
            server.stop(0);
        }
    }
}
