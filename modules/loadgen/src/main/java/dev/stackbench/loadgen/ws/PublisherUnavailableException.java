package dev.stackbench.loadgen.ws;

/** A fan-out run's publisher could not open any connection, so nothing would be published. */
public final class PublisherUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublisherUnavailableException(String message) {
        super(message);
    }
}
