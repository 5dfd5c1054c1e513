package dev.stackbench.loadgen.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.TestCertificate;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** wss:// against a server whose self-signed certificate is generated for the test ({@link TestCertificate}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WssTest {
    private static SslContext serverTls;

    @BeforeAll
    static void selfSignedCertificate(@TempDir Path dir) throws Exception {
        serverTls = TestCertificate.generate(dir).server();
    }

    @Test
    void insecureAcceptsTheSelfSignedCertificateAndEchoes() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Echo(5), serverTls, 0, 1)) {
            WsResult r = new WsLoadGenerator(WsSpec.builder(stub.uri()).connections(2).threads(1).insecure(true)
                    .duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);

            assertThat(stub.uri().getScheme()).isEqualTo("wss");
            assertThat(r.connectionsOpen()).isEqualTo(2);
            assertThat(r.received()).isPositive().isEqualTo(r.sent());
            assertThat(r.latencyHistogram().getMinValue()).isGreaterThanOrEqualTo(5_000);
            assertThat(r.closedCleanly()).isEqualTo(2);
        }
    }

    @Test
    void anUntrustedCertificateIsATlsError() throws Exception {
        try (WsStubServer stub = new WsStubServer(new WsStubServer.Behavior.Echo(5), serverTls, 0, 1)) {
            WsResult r = new WsLoadGenerator(WsSpec.builder(stub.uri()).connections(2).threads(1)
                    .duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);

            assertThat(r.connectionsOpen()).isZero();
            assertThat(r.errors().tls()).isEqualTo(2);
            assertThat(r.errors().connectionFailures()).isEqualTo(2);
        }
    }
}
