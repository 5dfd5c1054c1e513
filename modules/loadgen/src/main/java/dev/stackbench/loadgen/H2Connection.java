package dev.stackbench.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2FrameStreamException;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection of a {@link Loop} (h2 over TLS, or h2c with prior knowledge) carrying up to
 * {@code streams} requests at once, one per {@link H2Stream} slot, through Netty's
 * {@code Http2FrameCodec}. It survives reconnects (a new channel each time). Everything runs on its
 * loop's thread.
 *
 * <p>Ready once the server's SETTINGS arrived (after the TLS handshake, which is timed), so neither
 * the handshake nor the preface is in any request's latency. Error classes as over HTTP/1.1, per
 * stream: a failed connect, handshake or preface counts once as {@code connect}; a stream the server
 * resets, or every stream in flight when the connection closes, as {@code read}; a stream that
 * cannot be written as {@code write}; no complete response within the timeout as {@code timeout}
 * (the stream is then cancelled, the connection kept). After the server's GOAWAY the connection
 * finishes what is in flight and is replaced.
 */
final class H2Connection {
    private enum State { DOWN, CONNECTING, UP, GOING_AWAY }

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Loop loop;
    private final H2Stream[] streams;
    private final Bootstrap bootstrap;
    private final IntObjectHashMap<H2Stream> active = new IntObjectHashMap<>();
    private final int[] drawn = new int[1];
    private final Runnable reconnect = this::reconnectAll;
    private State state = State.DOWN;
    private Channel channel;
    private Handler handler;
    private long backoffNanos;
    private boolean inRead;
    private boolean flushPending;

    H2Connection(Loop loop, int streamCount) {
        this.loop = loop;
        this.streams = new H2Stream[streamCount];
        for (int i = 0; i < streamCount; i++) {
            streams[i] = new H2Stream(this);
        }
        Wire wire = loop.wire();
        this.bootstrap = loop.bootstrap().clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                if (wire.tls() != null) {
                    ch.pipeline().addLast(wire.tls().newHandler(ch.alloc(), wire.host(), wire.port(), wire.timeoutMillis()));
                }
                ch.pipeline().addLast(new ByteCounter(),
                        // more streams than the server allows wait in the codec for one to finish
                        Http2FrameCodecBuilder.forClient().encoderEnforceMaxConcurrentStreams(true).build(),
                        new Handler());
            }
        });
    }

    H2Stream[] streams() {
        return streams;
    }

    /** A slot wants the connection: it joins a connect under way, is ready at once on an open one, or opens it. */
    void connect(H2Stream s) {
        if (!loop.acceptsConnections()) {
            return;
        }
        s.state = H2Stream.State.CONNECTING;
        loop.connecting();
        if (state == State.UP) {
            s.state = H2Stream.State.IDLE;
            loop.connected(s);
            return;
        }
        if (state != State.DOWN) {
            return; // connecting, or going away: ready with the next channel
        }
        state = State.CONNECTING;
        bootstrap.connect(loop.address()).addListener((ChannelFuture f) -> connectDone(f));
    }

    private void connectDone(ChannelFuture f) {
        if (f.isSuccess() && !loop.acceptsConnections()) {
            f.channel().close();
            state = State.DOWN;
            for (H2Stream s : streams) {
                if (s.state == H2Stream.State.CONNECTING) {
                    s.state = H2Stream.State.DISCONNECTED;
                    loop.connectAbandoned();
                }
            }
            return;
        }
        if (!f.isSuccess()) {
            failConnect();
            return;
        }
        Channel ch = f.channel();
        channel = ch;
        SslHandler ssl = ch.pipeline().get(SslHandler.class);
        if (ssl != null) {
            long tcpNanos = System.nanoTime();
            ssl.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    loop.handshake(System.nanoTime() - tcpNanos);
                }
            });
        }
        // no SETTINGS within the timeout: no HTTP/2 server, or a stalled one
        loop.executor().schedule(() -> {
            if (channel == ch && state == State.CONNECTING) {
                ch.close();
            }
        }, loop.wire().timeoutMillis(), TimeUnit.MILLISECONDS);
    }

    /** The connect, its handshake or its preface failed: one connect error, then a retry after a backoff. */
    private void failConnect() {
        state = State.DOWN;
        channel = null;
        handler = null;
        boolean first = true;
        for (H2Stream s : streams) {
            if (s.state == H2Stream.State.CONNECTING) {
                s.state = H2Stream.State.DISCONNECTED;
                loop.connectFailed(s, first);
                first = false;
            }
        }
        backoffNanos = backoffNanos == 0 ? MIN_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        if (loop.acceptsConnections()) {
            loop.executor().schedule(reconnect, backoffNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void reconnectAll() {
        for (H2Stream s : streams) {
            if (s.state == H2Stream.State.DISCONNECTED) {
                s.connect();
            }
        }
    }

    private void up(Handler h) {
        handler = h;
        state = State.UP;
        backoffNanos = 0;
        for (H2Stream s : streams) {
            if (s.state == H2Stream.State.CONNECTING) {
                s.state = H2Stream.State.IDLE;
                loop.connected(s);
            }
        }
    }

    void send(H2Stream s, long intended, long now) {
        s.state = H2Stream.State.BUSY;
        s.intendedNanos = intended;
        s.sentNanos = now;
        s.status = 0;
        Http2Headers headers = loop.wire().h2().next(loop.random(), drawn);
        s.kind = drawn[0];
        byte[] body = loop.wire().h2().body(s.kind);
        Http2FrameStream fs = handler.newStream();
        s.frameStream = fs;
        channel.write(new DefaultHttp2HeadersFrame(headers, body.length == 0).stream(fs), channel.voidPromise());
        if (fs.id() > 0) {
            active.put(fs.id(), s); // the codec numbers a new stream as it writes its headers
        }
        if (body.length > 0) {
            channel.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true).stream(fs), channel.voidPromise());
        }
        if (inRead) {
            flushPending = true; // one flush after every response of this read
        } else {
            channel.flush();
        }
    }

    void timedOut(H2Stream s) {
        if (s.state != H2Stream.State.BUSY) {
            return;
        }
        endStream(s, LoopCounters.TIMEOUT);
        if (channel != null && s.frameStream != null && s.frameStream.id() > 0) {
            channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL).stream(s.frameStream), channel.voidPromise());
        }
        free(s);
    }

    /** Counts the stream's request in {@code errorClass}; the stream is no longer in flight. */
    private void endStream(H2Stream s, int errorClass) {
        if (s.frameStream != null) {
            active.remove(s.frameStream.id());
        }
        s.state = H2Stream.State.IDLE;
        loop.failed(errorClass, s.intendedNanos, s.sentNanos, s.kind);
    }

    /** A slot whose request ended: free for the next one, or parked when the connection goes away. */
    private void free(H2Stream s) {
        if (state == State.UP) {
            loop.idle(s);
            return;
        }
        s.state = H2Stream.State.DISCONNECTED;
        loop.disconnected(s);
        if (state == State.GOING_AWAY && active.isEmpty() && channel != null) {
            channel.close();
        }
    }

    private void onFrame(Object frame) {
        if (frame instanceof Http2HeadersFrame hf) {
            H2Stream s = active.get(hf.stream().id());
            if (s != null) {
                CharSequence status = hf.headers().status();
                if (s.status == 0 || s.status < 200) {
                    s.status = status == null ? 0 : parseStatus(status);
                }
                if (hf.isEndStream()) {
                    completed(s);
                }
            }
        } else if (frame instanceof Http2DataFrame df) {
            try {
                int bytes = df.initialFlowControlledBytes();
                if (bytes > 0) {
                    // the frame codec leaves the connection's and the stream's windows to us
                    channel.write(new DefaultHttp2WindowUpdateFrame(bytes).stream(df.stream()), channel.voidPromise());
                    flushPending = true;
                }
                H2Stream s = active.get(df.stream().id());
                if (s != null && df.isEndStream()) {
                    completed(s);
                }
            } finally {
                df.release();
            }
        } else if (frame instanceof Http2ResetFrame rf) {
            H2Stream s = active.get(rf.stream().id());
            if (s != null) {
                endStream(s, LoopCounters.READ);
                free(s);
            }
        } else if (frame instanceof Http2SettingsFrame) {
            if (state == State.CONNECTING) {
                up(handler);
            }
        } else if (frame instanceof Http2GoAwayFrame g) {
            g.release();
            goAway();
        } else {
            ReferenceCountUtil.release(frame);
        }
    }

    private static int parseStatus(CharSequence status) {
        int n = 0;
        for (int i = 0; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private void completed(H2Stream s) {
        active.remove(s.frameStream.id());
        s.state = H2Stream.State.IDLE;
        loop.responded(s.intendedNanos, s.sentNanos, s.status, s.kind);
        free(s);
    }

    /** The server stops taking streams: what is in flight finishes, free slots wait for the next channel. */
    private void goAway() {
        if (state != State.UP) {
            return;
        }
        state = State.GOING_AWAY;
        for (H2Stream s : streams) {
            if (s.state == H2Stream.State.IDLE) {
                s.state = H2Stream.State.DISCONNECTED;
                loop.disconnected(s);
            }
        }
        if (active.isEmpty()) {
            channel.close();
        }
    }

    private void inactive(Channel ch) {
        if (ch != channel) {
            return;
        }
        if (state == State.CONNECTING) {
            failConnect();
            return;
        }
        channel = null;
        handler = null;
        state = State.DOWN;
        active.clear();
        for (H2Stream s : streams) {
            if (s.state == H2Stream.State.BUSY) {
                s.state = H2Stream.State.IDLE;
                loop.failed(LoopCounters.READ, s.intendedNanos, s.sentNanos, s.kind);
            }
            if (s.state == H2Stream.State.CONNECTING) {
                loop.connectAbandoned(); // it waited for the next channel (after a GOAWAY): it asks again below
            }
            if (s.state != H2Stream.State.DISCONNECTED) {
                s.state = H2Stream.State.DISCONNECTED;
                loop.disconnected(s);
            }
        }
        reconnectAll();
    }

    /** Closes the channel for good (end of run); each slot calls it, the first one closes. */
    void close() {
        for (H2Stream s : streams) {
            s.state = H2Stream.State.DISCONNECTED;
        }
        state = State.DOWN;
        Channel c = channel;
        channel = null;
        if (c != null) {
            c.close();
        }
    }

    /** Counts the bytes read (decrypted, before the HTTP/2 codec), as HTTP/1.1 counts the response bytes. */
    private final class ByteCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b && ctx.channel() == channel) {
                loop.bytesRead(b.readableBytes());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** The end of one channel's pipeline, after the frame codec: a new one per channel (it binds to its codec). */
    private final class Handler extends Http2ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (ctx.channel() != channel) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (state == State.CONNECTING && handler == null) {
                handler = this;
            }
            inRead = true;
            try {
                onFrame(msg);
            } finally {
                inRead = false;
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (flushPending && ctx.channel() == channel) {
                flushPending = false;
                ctx.channel().flush();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ctx.channel() != channel) {
                ctx.close();
                return;
            }
            if (cause instanceof Http2FrameStreamException e && state != State.CONNECTING) {
                H2Stream s = active.get(e.stream().id());
                if (s != null) {
                    endStream(s, LoopCounters.WRITE);
                    free(s);
                }
                return;
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inactive(ctx.channel());
            ctx.fireChannelInactive();
        }
    }
}
