package dev.stackbench.loadgen;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * One logical keep-alive connection of a {@link Loop}: it survives reconnects (a new channel
 * each time) and has at most one request in flight. Everything runs on its loop's thread.
 *
 * <p>Error classes: a failed connect counts as {@code connect}; a failure while writing a
 * request as {@code write}; a reset or close before the response is complete as {@code read};
 * no complete response within the timeout as {@code timeout}. A request counts in one class at
 * most; the connection is then replaced. A body delimited by the connection's close completes only
 * when the peer closed cleanly: when the generator closed it (a timeout) or the peer reset it, the
 * request is an error, never a success.
 *
 * <p>Over TLS the connection is ready only once its handshake completed (timed, {@link Loop#handshake}),
 * so no request's latency holds a handshake; a failed handshake counts as {@code connect}.
 */
@ChannelHandler.Sharable // one channel at a time, but a new one after every reconnect
final class Connection extends ChannelInboundHandlerAdapter implements ChannelFutureListener, RequestSlot {
    private enum State { DISCONNECTED, CONNECTING, IDLE, BUSY }

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Loop loop;
    private final ResponseParser parser;
    private final ByteBuf out;
    private final Runnable reconnect = this::connect;
    private final io.netty.bootstrap.Bootstrap bootstrap;
    private Channel channel;
    private State state = State.DISCONNECTED;
    private long intendedNanos;
    private int kind;
    private long sentNanos;
    private boolean writing;
    private boolean flushPending;
    private boolean inRead;
    private boolean errorCounted;
    private long backoffNanos;

    Connection(Loop loop, ByteBuf out) {
        this.loop = loop;
        this.out = out;
        this.parser = new ResponseParser(false);
        Wire wire = loop.wire();
        this.bootstrap = loop.bootstrap().clone().handler(wire.tls() == null ? this : new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(wire.tls().newHandler(ch.alloc(), wire.host(), wire.port(), wire.timeoutMillis()),
                        Connection.this);
            }
        }); // once: a reconnect reuses it
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

    /** Opens a new channel; the outcome arrives in {@link #operationComplete}. */
    @Override
    public void connect() {
        if (!loop.acceptsConnections()) {
            return;
        }
        state = State.CONNECTING;
        loop.connecting();
        bootstrap.connect(loop.address()).addListener(this);
    }

    /** Connect outcome. */
    @Override
    public void operationComplete(ChannelFuture f) {
        if (f.isSuccess() && !loop.acceptsConnections()) {
            f.channel().close(); // the run ended while this connect was under way
            state = State.DISCONNECTED;
            loop.connectAbandoned();
            return;
        }
        if (f.isSuccess() && loop.wire().tls() != null) {
            long tcpNanos = System.nanoTime();
            Channel ch = f.channel();
            channel = ch;
            ch.pipeline().get(SslHandler.class).handshakeFuture().addListener(h -> handshaken(ch, h.isSuccess(), tcpNanos));
            return;
        }
        if (f.isSuccess()) {
            channel = f.channel();
            ready();
            return;
        }
        connectFailed();
    }

    private void ready() {
        backoffNanos = 0;
        state = State.IDLE;
        loop.connected(this);
    }

    private void handshaken(Channel ch, boolean success, long tcpNanos) {
        if (ch != channel) {
            return; // closed meanwhile (end of run)
        }
        if (success) {
            loop.handshake(System.nanoTime() - tcpNanos);
            ready();
            return;
        }
        channel = null; // its channelInactive is no disconnect of a ready connection
        ch.close();
        connectFailed();
    }

    private void connectFailed() {
        state = State.DISCONNECTED;
        loop.connectFailed(this, true);
        backoffNanos = backoffNanos == 0 ? MIN_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        if (loop.acceptsConnections()) {
            loop.executor().schedule(reconnect, backoffNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Sends one request.
     *
     * @param intended when the schedule meant it to go, {@link System#nanoTime()} clock
     * @param now      now, same clock
     */
    @Override
    public void send(long intended, long now) {
        state = State.BUSY;
        errorCounted = false;
        intendedNanos = intended;
        sentNanos = now;
        kind = loop.requests().writeNext(out, loop.random());
        parser.headRequest(loop.requests().isHead(kind));
        out.retain(); // the channel releases it once written; the connection keeps it for the next request
        channel.write(out, channel.voidPromise());
        if (inRead) {
            flushPending = true; // flushed once in channelReadComplete, after every response of this read
        } else {
            flush();
        }
    }

    private void flush() {
        writing = true;
        try {
            channel.flush();
        } finally {
            writing = false;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (ctx.channel() != channel) {
                return;
            }
            loop.bytesRead(in.readableBytes());
            inRead = true;
            while (in.isReadable() && state == State.BUSY) {
                if (parser.parse(in)) {
                    completed(parser.status(), parser.keepAlive());
                }
            }
        } catch (ResponseParser.MalformedResponseException e) {
            fail(LoopCounters.READ);
        } finally {
            inRead = false;
            in.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending && ctx.channel() == channel) {
            flushPending = false;
            flush();
        }
    }

    private void completed(int status, boolean keepAlive) {
        state = State.IDLE;
        loop.responded(intendedNanos, sentNanos, status, kind);
        if (!keepAlive) {
            channel.close(); // channelInactive reconnects
            return;
        }
        loop.idle(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel() != channel || state == State.CONNECTING) {
            return; // a channel closed during its TLS handshake: the handshake's failure reconnects it
        }
        if (state == State.BUSY && !errorCounted && parser.closed()) {
            completed(parser.status(), false); // a body delimited by the peer's clean close
        } else if (state == State.BUSY && !errorCounted) {
            errorCounted = true;
            loop.failed(LoopCounters.READ, intendedNanos, sentNanos, kind);
        }
        parser.reset();
        channel = null;
        state = State.DISCONNECTED;
        loop.disconnected(this);
        connect();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() != channel) {
            ctx.close();
            return;
        }
        fail(writing ? LoopCounters.WRITE : LoopCounters.READ);
    }

    @Override
    public void timedOut() {
        fail(LoopCounters.TIMEOUT);
    }

    /** Counts the request in flight (if any) in {@code errorClass} and replaces the channel. */
    private void fail(int errorClass) {
        if (state == State.BUSY && !errorCounted) {
            errorCounted = true;
            loop.failed(errorClass, intendedNanos, sentNanos, kind);
        }
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void close() {
        state = State.DISCONNECTED;
        Channel c = channel;
        channel = null;
        if (c != null) {
            c.close();
        }
        out.release();
        parser.release();
    }
}
