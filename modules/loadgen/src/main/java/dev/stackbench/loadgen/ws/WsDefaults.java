package dev.stackbench.loadgen.ws;

import java.time.Duration;

/** The one place for the WebSocket engine's defaults; the command-line help quotes them. */
public final class WsDefaults {
    /** Message size in bytes, the stamp included: 64. */
    public static final int MESSAGE_SIZE = 64;
    /** The message template: the stamp, then filler up to the size. */
    public static final String TEMPLATE = WsMessage.STAMP + WsMessage.PAD;
    /** Connection attempts under way at once per event loop, so that thousands do not overflow the server's backlog. */
    public static final int CONNECTS_IN_FLIGHT = 64;
    /** Keep-alive connections of an HTTP POST publisher (each with one request in flight). */
    public static final int PUBLISH_CONNECTIONS = 4;
    /** How long the close handshake at the end may take before the connection is just closed. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    /** Largest frame payload accepted from the server, bytes. */
    public static final int MAX_FRAME_BYTES = 1 << 20;
    /** Most messages a fan-out run may track one by one (rate x duration); each costs 12 bytes per event loop. */
    public static final long MAX_TRACKED_MESSAGES = 20_000_000;

    private WsDefaults() {
    }
}
