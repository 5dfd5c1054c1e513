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
                .startsWith("stackbench: URL 'localhost:8080' is not valid: expected http://host[:port][/path], e.g. http://127.0.0.1:8080/json\n");
        assertThat(run("load", "https://127.0.0.1/").err())
                .startsWith("stackbench: URL 'https://127.0.0.1/' uses https, which stackbench load does not support yet: use a plain http:// URL\n");
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
            assertThat(o.out()).containsPattern("  Latency    +>=20\\d\\.\\d\\dms +>=")
                    .contains("  Success          none")
                    .contains(String.format(java.util.Locale.ROOT, "  Censored   %d (%d timeouts at their timeout, 0 unsent", timeouts, timeouts))
                    .contains("(>=: a lower bound: the censored values could raise it)");
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
            assertThat(root.path("formatVersion").asInt()).isEqualTo(2);
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
            assertThat(logged).as("the interval log holds every recorded request").isEqualTo(requests);
            assertThat(Files.readString(hlog)).contains("#[BaseTime: ");
        } finally {
            server.stop(0);
        }
    }
}
