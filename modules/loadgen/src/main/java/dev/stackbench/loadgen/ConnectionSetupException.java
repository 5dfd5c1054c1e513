package dev.stackbench.loadgen;

/**
 * The target refused how the run means to connect, before any load: its TLS certificate did not
 * verify, its TLS handshake failed, or it did not speak HTTP/2 when asked to. The message is one
 * line with the host and port, the reason, and what to do.
 */
public final class ConnectionSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionSetupException(String message) {
        super(message);
    }
}
