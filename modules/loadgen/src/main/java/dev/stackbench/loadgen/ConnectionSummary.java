package dev.stackbench.loadgen;

/**
 * How the run's connections spoke, and what their TLS handshakes cost.
 *
 * @param protocol    {@code HTTP/1.1}, {@code h2} (HTTP/2 over TLS, chosen by ALPN) or {@code h2c} (HTTP/2
 *                    over TCP with prior knowledge)
 * @param streams     concurrent streams per connection (1 over HTTP/1.1)
 * @param tlsProvider {@code https://}: {@code openssl} or {@code jdk}; empty over plain TCP
 * @param tlsVersion  {@code https://}: the version the server chose, e.g. {@code TLSv1.3}; empty over
 *                    plain TCP or when no probe connection got that far
 * @param h2Declined  HTTP/2 was asked for over TLS, but the server chose HTTP/1.1 by ALPN (the run then used HTTP/1.1)
 * @param handshake   every TLS handshake of the run (warm-up and reconnects included), from the TCP connect to
 *                    the handshake's end, microseconds; empty over plain TCP. Not part of any request's latency:
 *                    a connection takes requests only once it is ready
 */
public record ConnectionSummary(String protocol, int streams, String tlsProvider, String tlsVersion, boolean h2Declined,
                                LatencySummary handshake) {

    /** @return whether the connections used TLS */
    public boolean tls() {
        return !tlsProvider.isEmpty();
    }

    /** @return whether the connections spoke HTTP/2 */
    public boolean http2() {
        return protocol.startsWith("h2");
    }
}
