package dev.stackbench.loadgen;

/**
 * How the connections of one run speak, decided before the load starts (after the
 * {@link ProtocolProbe}): TLS or plain TCP, and HTTP/1.1 or HTTP/2.
 *
 * @param tls           the TLS client for {@code https://}, null for plain TCP
 * @param h2            HTTP/2's requests, null for HTTP/1.1
 * @param streams       concurrent streams per HTTP/2 connection, &gt;= 1; 1 for HTTP/1.1
 * @param host          the server's name for SNI and the certificate check
 * @param port          the server's port
 * @param timeoutMillis for the TLS handshake
 */
record Wire(TlsClient tls, H2Requests h2, int streams, String host, int port, long timeoutMillis) {
    Wire {
        if (streams < 1 || h2 == null && streams != 1) {
            throw new IllegalArgumentException("streams (" + streams + ") must be >= 1, and 1 over HTTP/1.1");
        }
    }
}
