package dev.stackbench.loadgen;

/**
 * What a {@link Loop} sends a request on: room for one request in flight at a time. Over HTTP/1.1
 * a keep-alive {@link Connection}; over HTTP/2 one {@link H2Stream} of an {@link H2Connection}
 * (each of its streams a slot), so the loop's rules (closed model: each slot is one user sending its
 * next request when the last completed; open model: a free slot takes the oldest waiting request;
 * timeouts; the drain) are the same for both. Everything runs on the loop's thread.
 */
sealed interface RequestSlot permits Connection, H2Stream {
    /** @return whether a request is in flight */
    boolean busy();

    /** @return whether the slot is ready for a request */
    boolean idle();

    /** @return when the request in flight was sent, {@link System#nanoTime()} */
    long sentNanos();

    /** Opens (or joins) a channel; the outcome arrives as {@link Loop#connected} or {@link Loop#connectFailed}. */
    void connect();

    /**
     * Sends one request; the slot must be idle.
     *
     * @param intended when the schedule meant it to go, {@link System#nanoTime()} clock
     * @param now      now, same clock
     */
    void send(long intended, long now);

    /** The request in flight has had no complete response within the timeout. */
    void timedOut();

    /** Closes for good (end of run). */
    void close();
}
