package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTP/2: h2c with prior knowledge and h2 over TLS by ALPN, against a stub with a known delay. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2Test {

    @Test
    void h2cClosedModelKeepsEveryStreamOfEveryConnectionBusy() throws Exception {
        try (H2StubServer stub = new H2StubServer(20, null)) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/json")).connections(2).threads(1).http2(true).streams(4)
                    .duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);

            assertThat(r.connection().protocol()).isEqualTo("h2c");
            assertThat(r.connection().streams()).isEqualTo(4);
            assertThat(r.connection().tls()).isFalse();
            assertThat(r.errors().total()).isZero();
            assertThat(r.requests()).isPositive();
            // every request's latency is the server's delay plus loopback: at least 20 ms, and each stream one closed-loop user
            assertThat(r.latencyHistogram().getMinValue()).isGreaterThanOrEqualTo(20_000);
            assertThat(r.successLatency().count()).isEqualTo(r.latency().count());
            assertThat(stub.connections()).as("the load's connections (the probe sends no request)").hasSize(2)
                    .allSatisfy(c -> assertThat(c[1]).as("most streams open at once").isEqualTo(4));
            assertThat(stub.requests()).isGreaterThanOrEqualTo(r.latency().count());
        }
    }

    @Test
    void h2cOpenModelTimesEachStreamFromItsIntendedSend() throws Exception {
        try (H2StubServer stub = new H2StubServer(10, null)) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/json")).connections(1).threads(1).http2(true).streams(8)
                    .model(new LoadModel.Open(200)).duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);

            assertThat(r.connection().protocol()).isEqualTo("h2c");
            assertThat(r.errors().total()).isZero();
            assertThat(r.connection().streams()).isEqualTo(8);
            // 200/s for 1 s: each request intended inside the window is in the histogram once (answered, or censored
            // when a contended machine kept it waiting)
            assertThat(r.latency().count()).isBetween(195L, 205L);
            assertThat(r.latencyHistogram().getMinValue()).isGreaterThanOrEqualTo(10_000);
            assertThat(stub.connections()).allSatisfy(c -> assertThat(c[1]).as("most streams open at once").isBetween(1L, 8L));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsClient.Provider.class, names = {"OPENSSL", "JDK"})
    void h2OverTlsIsChosenByAlpnAndEachHandshakeIsTimed(TlsClient.Provider provider, @TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(provider != TlsClient.Provider.OPENSSL || io.netty.handler.ssl.OpenSsl.isAvailable(),
                "OpenSSL loads here");
        try (H2StubServer stub = new H2StubServer(5, TestCertificate.generate(dir).serverH2())) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/json")).connections(3).threads(1).http2(true).streams(2)
                    .insecure(true).tlsProvider(provider).duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);

            assertThat(r.connection().protocol()).isEqualTo("h2");
            assertThat(r.connection().tlsProvider()).isEqualTo(provider.label());
            assertThat(r.connection().h2Declined()).isFalse();
            assertThat(r.connection().handshake().count()).isEqualTo(3);
            assertThat(r.errors().total()).isZero();
            assertThat(r.latencyHistogram().getMinValue()).isGreaterThanOrEqualTo(5_000);
            assertThat(stub.connections()).hasSize(3).allSatisfy(c -> assertThat(c[1]).isEqualTo(2));
        }
    }

    @Test
    void h2cToAnHttp11OnlyServerFailsFastWithOneLine() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(1))) {
            LoadGenerator g = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(2).http2(true).timeout(Duration.ofSeconds(10))
                    .duration(Duration.ofSeconds(1)).build());

            assertThatThrownBy(() -> g.run(ProgressListener.NONE)).isInstanceOf(ConnectionSetupException.class)
                    .hasMessage("HTTP/2 with prior knowledge (h2c) refused by 127.0.0.1:" + stub.port()
                            + ": First received frame was not SETTINGS. Hex dump for first 5 bytes: 485454502f; a server that"
                            + " speaks only HTTP/1.1 over plain TCP needs the run without HTTP/2");
        }
    }

    @Test
    void streamsWithoutHttp2AreRefused() {
        assertThatThrownBy(() -> LoadSpec.builder(java.net.URI.create("http://127.0.0.1:1/")).streams(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streams (4) apply to HTTP/2 only: HTTP/1.1 has one request in flight per connection; enable"
                        + " HTTP/2, or use more connections");
    }
}
