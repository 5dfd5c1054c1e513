package dev.stackbench.loadgen.ws;

import java.util.concurrent.CountDownLatch;

/**
 * Where a {@link PublisherRun} sends its messages: a WebSocket connection or HTTP POSTs. All
 * methods run on the publisher's event loop; outcomes go back through
 * {@link PublisherRun#sent} and {@link PublisherRun#failed}.
 */
interface PublishTarget {
    /** Opens the connections; counts {@code ready} down once every attempt has an outcome. */
    void open(PublisherRun run, CountDownLatch ready);

    /** @return why no connection opened, or {@code null} when one did */
    String failure();

    /** Sends message {@code sequence}, intended at {@code intendedNanos}, now or as soon as a connection is free. */
    void publish(long sequence, long intendedNanos, long nowNanos);

    /** Gives up the messages still waiting for a connection (each reported as failed). */
    void abandon();

    /** Closes the connections (a close handshake for WebSocket); {@code closed} counts down when done. */
    void close(CountDownLatch closed);
}
