package dev.stackbench.lab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.proc.FreePort;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RealtimeCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private List<CheckResult> check(WsStub.Mode mode) throws Exception {
        try (WsStub stub = new WsStub(mode)) {
            return new RealtimeCheck(http, TIMEOUT).run(stub.base());
        }
    }

    @Test
    @Timeout(20)
    void aServerBroadcastingToEveryConnectionPassesAllThree() throws Exception {
        assertThat(check(WsStub.Mode.BROADCAST)).containsExactly(new CheckResult.Passed(RealtimeCheck.BROADCAST),
                new CheckResult.Passed(RealtimeCheck.PING), new CheckResult.Passed(RealtimeCheck.CLOSE));
    }

    @Test
    @Timeout(20)
    void aServerThatSkipsTheSenderFailsNamingThePublisher() throws Exception {
        assertThat(check(WsStub.Mode.OTHERS).get(0)).isEqualTo(new CheckResult.Failed(RealtimeCheck.BROADCAST,
                "the publisher received none of the 4 messages sent on another /ws connection within 2 s;"
                        + " expected each broadcast to every /ws connection, the sender included"));
    }

    @Test
    @Timeout(20)
    void aServerThatForwardsNothingFailsAfterTheTimeoutWithTheCount() throws Exception {
        List<CheckResult> r = check(WsStub.Mode.SILENT);
        assertThat(r.get(0)).isEqualTo(new CheckResult.Failed(RealtimeCheck.BROADCAST,
                "subscriber 1 received none of the 4 messages sent on another /ws connection within 2 s;"
                        + " expected each broadcast to every /ws connection, the sender included"));
        assertThat(r.subList(1, 3)).containsExactly(new CheckResult.Passed(RealtimeCheck.PING),
                new CheckResult.Passed(RealtimeCheck.CLOSE));
    }

    @Test
    @Timeout(20)
    void aChangedMessageFailsShowingWhatArrived() throws Exception {
        CheckResult r = check(WsStub.Mode.WRAPPED).get(0);
        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(((CheckResult.Failed) r).reason()).matches("subscriber 1 received \"got: stackbench verify [0-9a-f]+ #1\";"
                + " expected a published message unchanged, e.g. \"stackbench verify [0-9a-f]+ #1\"");
    }

    @Test
    @Timeout(20)
    void noPongAndNoCloseFrameAreEachAFailureWithinTheTimeout() throws Exception {
        assertThat(check(WsStub.Mode.DEAF)).containsExactly(new CheckResult.Passed(RealtimeCheck.BROADCAST),
                new CheckResult.Failed(RealtimeCheck.PING, "no pong within 2 s; expected a pong with the ping's payload"),
                new CheckResult.Failed(RealtimeCheck.CLOSE,
                        "subscriber 1: no close frame from the server within 2 s of ours; expected the close handshake"));
    }

    @Test
    @Timeout(20)
    void aRefusedUpgradeIsOneFailureWithTheStatus() throws Exception {
        assertThat(check(WsStub.Mode.REFUSE)).containsExactly(new CheckResult.Failed(RealtimeCheck.BROADCAST,
                "subscriber 1: upgrade refused: HTTP 404 for GET /ws; expected 101 Switching Protocols"));
    }

    @Test
    @Timeout(20)
    void nothingListeningIsOneFailureNamingTheUrl() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePort.pick());
        assertThat(new RealtimeCheck(http, TIMEOUT).run(nobody)).containsExactly(new CheckResult.Failed(
                RealtimeCheck.BROADCAST, "subscriber 1: cannot connect to ws://127.0.0.1:" + nobody.getPort() + "/ws"));
    }
}
