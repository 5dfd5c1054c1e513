package dev.stackbench.loadgen;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

/**
 * The TLS client side of one run, shared by the HTTP engine ({@code https://}) and the WebSocket
 * engine ({@code wss://}): one {@link SslContext} built once, a new {@link SslHandler} per channel.
 * The server's certificate is verified against the JDK's trust store and its name against the URL's
 * host, unless insecure. Immutable and thread-safe.
 *
 * <p>The engine: OpenSSL (BoringSSL from netty-tcnative) when its native library loads here, which
 * costs less CPU per record than the JDK's; otherwise the JDK's ({@link Provider#AUTO}).
 */
public final class TlsClient {
    /** Which TLS implementation to use. */
    public enum Provider {
        /** OpenSSL when available, else the JDK's. */
        AUTO,
        /** OpenSSL (BoringSSL via netty-tcnative); an error where it does not load. */
        OPENSSL,
        /** The JDK's own engine. */
        JDK;

        /** @return the lower-case name, as the command line takes it */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final SslContext context;
    private final Provider provider;
    private final boolean insecure;

    /**
     * @param requested which implementation; {@link Provider#AUTO} picks OpenSSL when it loads
     * @param insecure  accept any server certificate and name (self-signed test servers)
     * @param alpnH2    offer {@code h2} then {@code http/1.1} by ALPN; false: offer nothing (HTTP/1.1)
     * @throws IllegalArgumentException when OpenSSL is requested but does not load here
     * @throws SSLException             when no TLS client context can be built
     */
    public TlsClient(Provider requested, boolean insecure, boolean alpnH2) throws SSLException {
        if (requested == Provider.OPENSSL && !OpenSsl.isAvailable()) {
            throw new IllegalArgumentException("TLS provider openssl is not available on this machine ("
                    + OpenSsl.unavailabilityCause() + "): use jdk or auto");
        }
        this.provider = requested == Provider.JDK || requested == Provider.AUTO && !OpenSsl.isAvailable()
                ? Provider.JDK : Provider.OPENSSL;
        this.insecure = insecure;
        SslContextBuilder b = SslContextBuilder.forClient()
                .sslProvider(provider == Provider.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK);
        if (insecure) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        if (alpnH2) {
            b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        }
        this.context = b.build();
    }

    /** @return the implementation in use: {@link Provider#OPENSSL} or {@link Provider#JDK}, never AUTO */
    public Provider provider() {
        return provider;
    }

    /**
     * @param host the server's name as in the URL (sent by SNI, checked against its certificate unless insecure)
     * @return a new client-side handler for one channel; its handshake gives up after {@code timeoutMillis}
     */
    public SslHandler newHandler(ByteBufAllocator alloc, String host, int port, long timeoutMillis) {
        SslHandler h = context.newHandler(alloc, host, port);
        if (!insecure) {
            SSLEngine engine = h.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        h.setHandshakeTimeoutMillis(timeoutMillis);
        return h;
    }

    /**
     * @return whether {@code cause} (or what it wraps) is a refused certificate: the server's chain or
     *         name did not verify, which {@code --insecure} would accept
     */
    public static boolean isCertificateFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return cause instanceof SSLHandshakeException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("certif");
    }

    /** @return the innermost message of {@code cause}: the reason a user can act on */
    public static String reason(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ').strip();
    }
}
