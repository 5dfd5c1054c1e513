package dev.stackbench.loadgen.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.ProgressListener;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket engine against stub servers with known behaviour, on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WsLoadGeneratorTest {

    private static WsResult run(WsSpec.Builder builder) throws Exception {
        return new WsLoadGenerator(builder.build()).run(ProgressListener.NONE);
    }

    @Test
    void closedEchoLatencyIsNearTheServerDelayAndNeverBelow() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Echo(20))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(4).threads(2).duration(Duration.ofSeconds(2)));

            assertThat(r.connectionsOpen()).isEqualTo(4);
            assertThat(r.errors().total()).isZero();
            assertThat(r.sent()).isPositive();
            assertThat(r.received()).isEqualTo(r.sent());
            assertThat(r.missing()).isZero();
            // 4 connections, one message each per ~20 ms: at most 4 x 50 = 200 a second
            assertThat(r.receiveRate()).isBetween(20.0, 200 * 1.05);
            assertThat(r.latencyHistogram().getMinValue()).as("no echo is faster than the server's delay").isGreaterThanOrEqualTo(20_000);
            assertThat(r.latency().p50Micros()).isBetween(20_000L, 80_000L);
            assertThat(stub.frames()).isGreaterThanOrEqualTo(r.sent());
            assertThat(r.connect().count()).isEqualTo(4);
            assertThat(r.lastDelivery().count()).isZero();
            assertThat(r.timeline()).hasSize(2);
            assertThat(r.timeline().stream().mapToLong(s -> s.requests()).sum()).isEqualTo(r.received());
        }
    }

    @Test
    void openEchoKeepsItsRateAndTimesFromTheIntendedSend() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Echo(20))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(4).threads(1)
                    .pattern(new WsPattern.Echo(new LoadModel.Open(500))).duration(Duration.ofSeconds(2)));

            // a schedule fixed in advance: exactly rate x duration messages are due
            assertThat(r.sent()).isEqualTo(1000);
            assertThat(r.received()).isEqualTo(1000);
            assertThat(r.missing()).isZero();
            assertThat(r.latencyHistogram().getMinValue()).isGreaterThanOrEqualTo(20_000);
            assertThat(r.health().targetRate()).isEqualTo(500.0);
        }
    }

    @Test
    void openEchoLatencyIncludesTheServersStallThatClosedEchoHides() throws Exception {
        // ~1 ms echo, but every echo due in a 500 ms window once every 2 s waits for the window's
        // end. Messages sent uniformly see p99 = D - (1 - 0.99) P = 480 ms.
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Stall(1, 500, 2000))) {
            WsResult closed = run(WsSpec.builder(stub.uri()).connections(10).threads(1).duration(Duration.ofSeconds(6)));
            WsResult open = run(WsSpec.builder(stub.uri()).connections(10).threads(1)
                    .pattern(new WsPattern.Echo(new LoadModel.Open(500))).duration(Duration.ofSeconds(6)));

            long analyticP99 = 500_000 - (long) (0.01 * 2_000_000);
            assertThat(open.latency().p99Micros()).as("open-model p99 near the analytic %d us", analyticP99)
                    .isBetween(analyticP99 * 6 / 10, 520_000L);
            assertThat(closed.latency().p99Micros()).as("closed-model p99 stays near the service time").isLessThan(50_000L);
            assertThat(open.received()).isEqualTo(3000);
            assertThat(open.errors().total()).isZero();
        }
    }

    @Test
    void fanOutCountsEveryDeliveryExactly() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Broadcast(0))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(20).threads(2)
                    .pattern(new WsPattern.FanOut(new Publisher.Socket(null), 200)).duration(Duration.ofSeconds(2)));

            assertThat(r.connectionsOpen()).isEqualTo(20);
            assertThat(r.sent()).isEqualTo(400);
            assertThat(stub.published()).isEqualTo(400);
            assertThat(r.received()).isEqualTo(400 * 20);
            assertThat(r.missing()).isZero();
            assertThat(r.incompleteMessages()).isZero();
            assertThat(r.lastDelivery().count()).isEqualTo(400);
            // the last subscriber gets a message no earlier than the median one
            assertThat(r.lastDelivery().p50Micros()).isGreaterThanOrEqualTo(r.latency().p50Micros());
            assertThat(r.receiveRate()).isEqualTo(4000.0);
            assertThat(r.errors().total()).isZero();
        }
    }

    @Test
    void fanOutOverHttpPostCountsTheSubscribersThatMissedMessages() throws Exception {
        // the server skips every 2nd connection: 10 of 20 subscribers receive nothing
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Broadcast(2))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(20).threads(2)
                    .pattern(new WsPattern.FanOut(new Publisher.HttpPost(stub.publishUri(), 2), 100))
                    .duration(Duration.ofSeconds(1)).timeout(Duration.ofMillis(500)));

            assertThat(r.sent()).isEqualTo(100);
            assertThat(stub.published()).isEqualTo(100);
            assertThat(r.received()).isEqualTo(100 * 10);
            assertThat(r.missing()).isEqualTo(100 * 10);
            assertThat(r.incompleteMessages()).isEqualTo(100);
            assertThat(r.lastDelivery().count()).isZero();
            assertThat(r.errors().publishStatus()).isEmpty();
        }
    }

    @Test
    void publishPostsRefusedByTheServerAreCountedByStatus() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Broadcast(0))) {
            java.net.URI wrongPath = java.net.URI.create("http://127.0.0.1:" + stub.port() + "/no-such-endpoint");
            WsResult r = run(WsSpec.builder(stub.uri()).connections(2).threads(1)
                    .pattern(new WsPattern.FanOut(new Publisher.HttpPost(wrongPath, 1), 50)).duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(300)));

            assertThat(r.sent()).isEqualTo(50);
            assertThat(r.errors().publishStatus()).isEqualTo(Map.of(404, 50L));
            assertThat(r.received()).isZero();
            assertThat(r.missing()).isEqualTo(100);
        }
    }

    @Test
    void refusedUpgradeIsCountedByStatus() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Refuse(404))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(5).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.connectionsOpen()).isZero();
            assertThat(r.errors().handshakeStatus()).isEqualTo(Map.of(404, 5L));
            assertThat(r.errors().connectionFailures()).isEqualTo(5);
            assertThat(r.received()).isZero();
        }
    }

    @Test
    void refusedConnectionsAreCounted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WsResult r = run(WsSpec.builder(URI.create("ws://127.0.0.1:" + port + "/ws")).connections(3).threads(1)
                .duration(Duration.ofSeconds(1)));

        assertThat(r.errors().connectRefused()).isEqualTo(3);
        assertThat(r.errors().connectionFailures()).isEqualTo(3);
    }

    @Test
    void silentServerIsAHandshakeTimeout() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Silent())) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(3).threads(1).duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(300)));

            assertThat(r.errors().handshakeTimeout()).isEqualTo(3);
            assertThat(r.connectionsOpen()).isZero();
        }
    }

    @Test
    void aServerClosingDuringTheUpgradeIsCountedAsSuch() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.CloseOnUpgrade())) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(3).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.errors().handshakeClosed()).isEqualTo(3);
            assertThat(r.errors().connectionFailures()).isEqualTo(3);
            assertThat(r.connectionsOpen()).isZero();
        }
    }

    @Test
    void serverClosingOpenConnectionsIsCountedAsClosedByPeer() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.CloseAfter(300))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(4).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.connectionsOpen()).isEqualTo(4);
            assertThat(r.errors().closedByPeer()).isEqualTo(4);
            assertThat(r.closedCleanly()).isZero();
        }
    }

    @Test
    void pingsAreAnsweredAndTheCloseHandshakeCompletesAtTheEnd() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.PingThenEcho())) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(3).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(stub.pongs()).isEqualTo(3);
            assertThat(stub.closeFrames()).isEqualTo(3);
            assertThat(r.closedCleanly()).isEqualTo(3);
            assertThat(r.errors().total()).isZero();
            assertThat(r.received()).isPositive();
        }
    }

    @Test
    void binaryMessagesWithATemplateAreTimedThroughAServersEnvelope() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Envelope())) {
            WsMessage message = new WsMessage(WsMessage.Kind.TEXT, 100, "{\"type\":\"chat\",\"id\":\"{stamp}\",\"text\":\"{pad}\"}");
            WsResult r = run(WsSpec.builder(stub.uri()).connections(2).threads(1).message(message).duration(Duration.ofSeconds(1)));

            assertThat(r.received()).isPositive().isEqualTo(r.sent());
            assertThat(r.errors().unrecognized()).isZero();
        }
    }

    @Test
    void aMessageInTwoFragmentsIsOneReply() throws Exception {
        // the stamp straddles the fragments' boundary: only the reassembled message carries it whole
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Fragmented())) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(2).threads(1).message(new WsMessage(WsMessage.Kind.TEXT, 40,
                    WsDefaults.TEMPLATE)).duration(Duration.ofSeconds(1)));

            assertThat(r.received()).isPositive().isEqualTo(r.sent());
            assertThat(r.errors().unrecognized()).isZero();
        }
    }

    @Test
    void binaryFramesRoundTrip() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Echo(0))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(2).threads(1)
                    .message(new WsMessage(WsMessage.Kind.BINARY, 1024, WsDefaults.TEMPLATE)).duration(Duration.ofSeconds(1)));

            assertThat(r.received()).isPositive().isEqualTo(r.sent());
        }
    }

    @Test
    void aPublisherThatCannotConnectStopsTheRunWithTheReason() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Broadcast(0));
             WsStubServer refusing = new WsStubServer(new WsStubServer.Behavior.Refuse(403))) {
            WsSpec spec = WsSpec.builder(stub.uri()).connections(2).threads(1)
                    .pattern(new WsPattern.FanOut(new Publisher.Socket(refusing.uri()), 10)).duration(Duration.ofSeconds(1)).build();

            assertThatThrownBy(() -> new WsLoadGenerator(spec).run(ProgressListener.NONE))
                    .isInstanceOf(PublisherUnavailableException.class)
                    .hasMessage("publisher " + refusing.uri() + " could not connect: upgrade refused with HTTP 403");
        }
    }

    @Test
    void echoCountsOnlyItsOwnMessagesAsReplies() throws Exception {
        // a broadcast server sends each message to the other connections, never back: no echo arrives
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Broadcast(0))) {
            WsResult r = run(WsSpec.builder(stub.uri()).connections(3).threads(1)
                    .pattern(new WsPattern.Echo(new LoadModel.Open(100))).duration(Duration.ofSeconds(1)).timeout(Duration.ofMillis(300)));

            assertThat(r.sent()).isEqualTo(100);
            assertThat(r.received()).isZero();
            assertThat(r.missing()).isEqualTo(100);
            assertThat(r.errors().unrecognized()).isEqualTo(200); // every message reached the two others
        }
    }
}
