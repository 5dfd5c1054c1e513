package dev.stackbench.loadgen.ws;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Why a connection attempt failed; each maps to one {@link WsErrors} class. */
enum FailureClass {
    CONNECT_REFUSED(WsCounters.CONNECT_REFUSED),
    CONNECT_TIMEOUT(WsCounters.CONNECT_TIMEOUT),
    CONNECT_OTHER(WsCounters.CONNECT_OTHER),
    TLS(WsCounters.TLS),
    /** Counted by status code, not in a counter of its own. */
    HANDSHAKE_STATUS(-1),
    HANDSHAKE_TIMEOUT(WsCounters.HANDSHAKE_TIMEOUT),
    HANDSHAKE_INVALID(WsCounters.HANDSHAKE_INVALID),
    HANDSHAKE_CLOSED(WsCounters.HANDSHAKE_CLOSED);

    final int counter;

    FailureClass(int counter) {
        this.counter = counter;
    }

    /** @return the class of a failed TCP connect */
    static FailureClass ofConnect(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return CONNECT_TIMEOUT;
        }
        if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
            return CONNECT_REFUSED;
        }
        return CONNECT_OTHER;
    }

    /** @return the class of an exception during TLS or the upgrade */
    static FailureClass ofHandshake(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return TLS;
            }
            if (t instanceof WebSocketClientHandshakeException w) {
                return w.response() != null && w.response().status().code() != 101 ? HANDSHAKE_STATUS : HANDSHAKE_INVALID;
            }
        }
        return cause instanceof IOException ? HANDSHAKE_CLOSED : HANDSHAKE_INVALID;
    }

    /** @return the refused upgrade's HTTP status, or 0 */
    static int statusOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof WebSocketClientHandshakeException w && w.response() != null) {
                return w.response().status().code();
            }
        }
        return 0;
    }

    /** @return the failure as a phrase, e.g. {@code "upgrade refused with HTTP 404"} */
    String describe(int status) {
        return switch (this) {
            case CONNECT_REFUSED -> "connection refused";
            case CONNECT_TIMEOUT -> "TCP connect timed out";
            case CONNECT_OTHER -> "TCP connect failed";
            case TLS -> "TLS handshake failed (a self-signed certificate needs --insecure)";
            case HANDSHAKE_STATUS -> "upgrade refused with HTTP " + status;
            case HANDSHAKE_TIMEOUT -> "no upgrade response within the timeout";
            case HANDSHAKE_INVALID -> "invalid upgrade response";
            case HANDSHAKE_CLOSED -> "closed by the server during the upgrade";
        };
    }
}
