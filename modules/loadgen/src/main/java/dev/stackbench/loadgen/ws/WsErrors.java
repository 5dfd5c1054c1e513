package dev.stackbench.loadgen.ws;

import java.util.Map;
import java.util.TreeMap;

/**
 * What went wrong, by class. Connection classes count every connection attempt that failed (the
 * connections are opened once, before the load); a connection counts in one class at most.
 *
 * @param connectRefused   TCP connect refused (nothing listens on the port)
 * @param connectTimeout   TCP connect not completed within the timeout
 * @param connectOther     other TCP connect failures (unreachable network, no route)
 * @param tls              TLS handshake failures (wss://), e.g. an untrusted certificate without --insecure
 * @param handshakeStatus  upgrade refused with an HTTP status other than 101, by status code
 * @param handshakeTimeout no upgrade response within the timeout
 * @param handshakeInvalid an upgrade response that is not a valid WebSocket handshake (e.g. 101 without the right accept key)
 * @param handshakeClosed  connection closed or reset by the server during the upgrade
 * @param closedByPeer     open connections the server closed (close frame, reset or EOF) before the end
 * @param publishFailed    fan-out: messages of the interval the publisher did not send: its connection had
 *                         failed, or (HTTP POST) they still waited for a free connection when the drain ended,
 *                         a server slower to answer POSTs than the rate needs
 * @param publishStatus    fan-out over HTTP POST: responses with a status outside 200..399, by code
 * @param unrecognized     messages received without a stamp, or (echo) with another connection's stamp: neither
 *                         replies nor deliveries (e.g. a greeting, or a server that broadcasts instead of echoing)
 */
public record WsErrors(long connectRefused, long connectTimeout, long connectOther, long tls,
                       Map<Integer, Long> handshakeStatus, long handshakeTimeout, long handshakeInvalid,
                       long handshakeClosed, long closedByPeer, long publishFailed, Map<Integer, Long> publishStatus,
                       long unrecognized) {
    public WsErrors {
        handshakeStatus = Map.copyOf(handshakeStatus);
        publishStatus = Map.copyOf(publishStatus);
    }

    /** @return failed connection attempts of every class, TCP to upgrade */
    public long connectionFailures() {
        return connectRefused + connectTimeout + connectOther + tls + sum(handshakeStatus) + handshakeTimeout
                + handshakeInvalid + handshakeClosed;
    }

    /** @return every error of every class except {@link #unrecognized()} messages */
    public long total() {
        return connectionFailures() + closedByPeer + publishFailed + sum(publishStatus);
    }

    /** @return the handshake statuses ordered by code */
    public Map<Integer, Long> handshakeStatusByCode() {
        return new TreeMap<>(handshakeStatus);
    }

    /** @return the publisher's error statuses ordered by code */
    public Map<Integer, Long> publishStatusByCode() {
        return new TreeMap<>(publishStatus);
    }

    private static long sum(Map<Integer, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
