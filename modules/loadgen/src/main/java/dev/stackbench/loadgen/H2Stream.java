package dev.stackbench.loadgen;

import io.netty.handler.codec.http2.Http2FrameStream;

/**
 * One stream slot of an {@link H2Connection}: at most one request in flight on it at a time, each
 * on a new HTTP/2 stream. The connection does the work; this holds the request's times. Everything
 * runs on the loop's thread.
 */
final class H2Stream implements RequestSlot {
    enum State { DISCONNECTED, CONNECTING, IDLE, BUSY }

    private final H2Connection connection;
    State state = State.DISCONNECTED;
    long intendedNanos;
    long sentNanos;
    int kind;
    int status;
    Http2FrameStream frameStream;

    H2Stream(H2Connection connection) {
        this.connection = connection;
    }

    @Override
    public boolean busy() {
        return state == State.BUSY;
    }

    @Override
    public boolean idle() {
        return state == State.IDLE;
    }

    @Override
    public long sentNanos() {
        return sentNanos;
    }

    @Override
    public void connect() {
        connection.connect(this);
    }

    @Override
    public void send(long intended, long now) {
        connection.send(this, intended, now);
    }

    @Override
    public void timedOut() {
        connection.timedOut(this);
    }

    @Override
    public void close() {
        state = State.DISCONNECTED;
        connection.close();
    }
}
