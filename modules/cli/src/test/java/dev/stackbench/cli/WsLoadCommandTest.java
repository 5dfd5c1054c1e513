package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stackbench load ws://...}: exact error text and exit codes, and one real run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WsLoadCommandTest {

    @Test
    void echoRunPrintsTheSummaryAndWritesJson(@TempDir Path dir) throws Exception {
        try (WsEchoStub stub = new WsEchoStub()) {
            Path json = dir.resolve("ws.json");
            Path hlog = dir.resolve("ws.hlog");
            CliRun r = CliRun.of("load", "-c", "2", "-t", "1", "-d", "1s", "--json", json.toString(), "--hlog", hlog.toString(), stub.url());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("stackbench load " + stub.url() + "\n  echo, closed model, 2 connections\n"
                    + "  64 B text messages, 1 thread, 1s, timeout 2s\n");
            assertThat(r.out()).contains("  Connected  2 of 2 (TCP + upgrade: p50 ").contains("  Errors     none\n")
                    .contains("  Closed     2 of 2 with a completed close handshake\n").containsPattern("\\d (µs|ms) of CPU per message received\n");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.get("tool").asText()).isEqualTo("stackbench load websocket");
            assertThat(root.at("/spec/pattern").asText()).isEqualTo("echo");
            assertThat(root.at("/result/received").asLong()).isPositive().isEqualTo(root.at("/result/sent").asLong());
            assertThat(root.at("/result/errors/total").asLong()).isZero();
            assertThat(root.at("/result/latencyMicros/p99").asLong()).isPositive();
            // one interval histogram for the one measured second, readable by HdrHistogram's reader
            try (org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(hlog.toFile())) {
                org.HdrHistogram.EncodableHistogram h = reader.nextIntervalHistogram();
                assertThat(h).isNotNull();
                assertThat(((org.HdrHistogram.Histogram) h).getTotalCount()).isEqualTo(root.at("/result/received").asLong());
                assertThat(reader.nextIntervalHistogram()).isNull();
            }
        }
    }

    @Test
    void httpOnlyOptionsAreRefusedForAWebSocketUrl() {
        CliRun r = CliRun.of("load", "--method", "POST", "ws://127.0.0.1:1/ws");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("stackbench: --method applies to http:// and https:// URLs only, not to the WebSocket URL 'ws://127.0.0.1:1/ws'; "
                + "for WebSocket messages use --template, --message-size and --message-type\n"
                + "Try 'stackbench load --help' for usage.\n");
    }

    @Test
    void webSocketOptionsAreRefusedForAnHttpUrl() {
        CliRun r = CliRun.of("load", "--pattern", "fanout", "http://127.0.0.1:1/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("stackbench: --pattern applies to ws:// and wss:// URLs only, not to 'http://127.0.0.1:1/': "
                + "drop it, or give a WebSocket URL such as ws://127.0.0.1:8080/ws\nTry 'stackbench load --help' for usage.\n");
    }

    @Test
    void fanOutNeedsARate() {
        CliRun r = CliRun.of("load", "--pattern", "fanout", "ws://127.0.0.1:1/ws");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: --pattern fanout needs --rate: the messages published per second, e.g. -R 1000\n");
    }

    @Test
    void aTemplateWithoutTheStampIsAUsageError() {
        CliRun r = CliRun.of("load", "--template", "{\"hello\":1}", "ws://127.0.0.1:1/ws");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: --template/--message-size: template '{\"hello\":1}' must contain {stamp} "
                + "exactly once (found 0): the receiver times each message by it\n");
    }

    @Test
    void aBadPublisherUrlIsAUsageError() {
        CliRun r = CliRun.of("load", "--pattern", "fanout", "-R", "10", "--publish", "ftp://x/", "ws://127.0.0.1:1/ws");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("stackbench: --publish 'ftp://x/' must be a ws://, wss://, http:// or https:// URL with a host, "
                + "e.g. http://127.0.0.1:8080/publish\n");
    }

    @Test
    void aPublisherThatCannotConnectIsAnEnvironmentError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (WsEchoStub stub = new WsEchoStub()) {
            CliRun r = CliRun.of("load", "--pattern", "fanout", "-R", "10", "-d", "1s", "--publish",
                    "http://127.0.0.1:" + port + "/publish", stub.url());
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).isEqualTo("stackbench: publisher http://127.0.0.1:" + port + "/publish could not connect: "
                    + "connection refused: check --publish and that the server is up\n");
        }
    }

    @Test
    void refusedConnectionsAreReportedNotMeasured() {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        CliRun r = CliRun.of("load", "-c", "2", "-d", "1s", "ws://127.0.0.1:" + port + "/ws");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  Connected  0 of 2\n").contains("  Errors     2 (connect refused: 2)\n")
                .contains("  Verdict    no connection opened: nothing was measured.\n");
    }

    @Test
    void helpListsTheWebSocketOptions() {
        CliRun r = CliRun.of("help", "load");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--pattern=echo|fanout").contains("--publish=URL").contains("--message-size=BYTES")
                .contains("--template=TEXT").contains("--insecure");
    }
}
