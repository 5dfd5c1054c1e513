package dev.stackbench.loadgen.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.loadgen.ProgressListener;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** wss:// against a server whose self-signed certificate is generated for the test (the JDK's keytool). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WssTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SslContext serverTls;

    @BeforeAll
    static void selfSignedCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        serverTls = SslContextBuilder.forServer(kmf).build();
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
