package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** https:// (HTTP/1.1 over TLS) against a stub whose self-signed certificate is generated for the test. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsTest {
    private static SslContext serverTls;

    @BeforeAll
    static void certificate(@TempDir Path dir) throws Exception {
        serverTls = TestCertificate.generate(dir).server();
    }

    private static LoadSpec.Builder spec(StubServer stub) {
        return LoadSpec.builder(stub.uri("/json")).connections(4).threads(1).duration(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(value = TlsClient.Provider.class, names = {"OPENSSL", "JDK"})
    void insecureLoadsOverTlsAndTimesEachHandshakeApartFromTheLatency(TlsClient.Provider provider) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(provider != TlsClient.Provider.OPENSSL || OpenSsl.isAvailable(), "OpenSSL loads here");
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(5), serverTls)) {
            LoadResult r = new LoadGenerator(spec(stub).insecure(true).tlsProvider(provider).build()).run(ProgressListener.NONE);

            assertThat(r.requests()).isPositive();
            assertThat(r.errors().total()).isZero();
            assertThat(r.connection().protocol()).isEqualTo("HTTP/1.1");
            assertThat(r.connection().tlsProvider()).isEqualTo(provider.label());
            assertThat(r.connection().tlsVersion()).startsWith("TLSv1.");
            assertThat(r.connection().handshake().count()).as("one handshake per connection").isEqualTo(4);
            assertThat(r.connection().handshake().maxMicros()).isPositive();
            assertThat(r.successLatency().count()).isEqualTo(r.latency().count());
            assertThat(r.latencyHistogram().getMinValue()).isGreaterThanOrEqualTo(5_000);
        }
    }

    @Test
    void autoPicksOpenSslWhereItLoads() throws Exception {
        assertThat(new TlsClient(TlsClient.Provider.AUTO, false, false).provider())
                .isEqualTo(OpenSsl.isAvailable() ? TlsClient.Provider.OPENSSL : TlsClient.Provider.JDK);
    }

    @ParameterizedTest
    @EnumSource(value = TlsClient.Provider.class, names = {"OPENSSL", "JDK"})
    void anUntrustedCertificateFailsFastWithOneActionableLine(TlsClient.Provider provider) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(provider != TlsClient.Provider.OPENSSL || OpenSsl.isAvailable(), "OpenSSL loads here");
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(1), serverTls)) {
            LoadGenerator g = new LoadGenerator(spec(stub).tlsProvider(provider).build());

            assertThatThrownBy(() -> g.run(ProgressListener.NONE)).isInstanceOf(ConnectionSetupException.class)
                    .hasMessage("TLS certificate of 127.0.0.1:" + stub.port() + " not accepted: unable to find valid "
                            + "certification path to requested target; use --insecure for a self-signed certificate");
            assertThat(stub.requests()).isZero();
        }
    }

    @Test
    void plainHttpOnAnHttpsUrlIsAHandshakeFailureNamingThePort() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(1))) {
            LoadGenerator g = new LoadGenerator(LoadSpec.builder(java.net.URI.create("https://127.0.0.1:" + stub.port() + "/"))
                    .connections(1).duration(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(1)).build());

            assertThatThrownBy(() -> g.run(ProgressListener.NONE)).isInstanceOf(ConnectionSetupException.class)
                    .hasMessageStartingWith("TLS ").hasMessageContaining("127.0.0.1:" + stub.port());
        }
    }

    @Test
    void http2OverTlsFallsBackToHttp11WhenTheServerDoesNotChooseH2() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(2), serverTls)) {
            LoadResult r = new LoadGenerator(spec(stub).insecure(true).http2(true).streams(3).build()).run(ProgressListener.NONE);

            assertThat(r.connection().protocol()).isEqualTo("HTTP/1.1");
            assertThat(r.connection().h2Declined()).isTrue();
            assertThat(r.connection().streams()).isEqualTo(1);
            assertThat(r.requests()).isPositive();
            assertThat(r.errors().total()).isZero();
        }
    }
}
