package dev.stackbench.loadgen;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server for tests, bound to port 0, whose behaviour is known exactly. It
 * counts every complete request it receives (GET requests without a body).
 */
final class StubServer implements AutoCloseable {

    /** What the server does with each request. */
    sealed interface Behavior {
        /** Answers 200 with a Content-Length body after {@code delayMillis}. */
        record Delay(long delayMillis) implements Behavior { }
        /** Answers after {@code serviceMillis}, but holds every response due in a stall window
         *  ({@code stallMillis} long, once every {@code periodMillis}) until the window ends. */
        record Stall(long serviceMillis, long stallMillis, long periodMillis) implements Behavior { }
        /** Sends part of the response headers, then resets the connection. */
        record ResetMidResponse() implements Behavior { }
        /** Reads requests and never answers. */
        record Silent() implements Behavior { }
        /** Answers with the given status. */
        record Status(int status) implements Behavior { }
        /** Answers 200 with a chunked body (with a trailer), written in small pieces. */
        record Chunked() implements Behavior { }
        /** Answers 200 with Content-Length and {@code Connection: close}, then closes. */
        record CloseAfterResponse() implements Behavior { }
        /** Answers HTTP/1.0 style: no length, the body ends when the connection closes. */
        record BodyUntilClose() implements Behavior { }
        /** Starts a body delimited by the close, then neither sends more nor closes. */
        record BodyUntilCloseStalls() implements Behavior { }
        /** Starts a body delimited by the close, then resets the connection. */
        record BodyUntilCloseReset() implements Behavior { }
        /** One request at a time across all connections, each {@code serviceMillis}: a capacity of
         *  1000 / serviceMillis requests per second, the rest queue in the server. */
        record Serial(long serviceMillis) implements Behavior { }
        /** Every other request (in arrival order) gets {@code errorStatus} at once; the others 200
         *  after {@code slowMillis}. */
        record Alternate(int errorStatus, long slowMillis) implements Behavior { }
        /** Answers 200 after a delay that falls linearly from {@code fromMillis} to {@code toMillis}
         *  over the first {@code rampMillis} after the first request, then stays at {@code toMillis}. */
        record Ramp(long fromMillis, long toMillis, long rampMillis) implements Behavior { }
        /** Holds every response until {@code stallMillis} after the first request, then answers each
         *  at once: a backlog that builds up during the stall is served in one burst. */
        record StallFirst(long stallMillis) implements Behavior { }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final Behavior behavior;
    private final io.netty.handler.ssl.SslContext tls;
    private final AtomicLong requests = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> targets =
            new java.util.concurrent.ConcurrentHashMap<>();
    // the server's one event loop owns these
    private long serialFreeNanos;
    private long alternateCount;
    private long firstRequestNanos = -1;

    StubServer(Behavior behavior) throws InterruptedException {
        this(behavior, null);
    }

    /** @param tls a server TLS context (https://), or null for plain HTTP */
    StubServer(Behavior behavior, io.netty.handler.ssl.SslContext tls) throws InterruptedException {
        this.behavior = behavior;
        this.tls = tls;
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    URI uri(String path) {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port() + path);
    }

    /** @return when each request arrived, {@link System#nanoTime()}, in arrival order */
    java.util.List<Long> arrivals() {
        return java.util.List.copyOf(arrivals);
    }

    /** @return how many requests each request target (path and query) had so far */
    java.util.Map<String, Long> targets() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        targets.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** @return complete requests received so far */
    long requests() {
        return requests.get();
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private int matched; // how much of CRLF CRLF we have seen
        private final StringBuilder requestLine = new StringBuilder();
        private boolean inRequestLine = true;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                while (in.isReadable()) {
                    byte b = in.readByte();
                    if (inRequestLine && b == '\r') {
                        inRequestLine = false;
                        String[] parts = requestLine.toString().split(" ");
                        targets.computeIfAbsent(parts.length > 1 ? parts[1] : "", t -> new java.util.concurrent.atomic.LongAdder()).increment();
                        requestLine.setLength(0);
                    } else if (inRequestLine) {
                        requestLine.append((char) b);
                    }
                    matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        matched = 0;
                        inRequestLine = true;
                        requests.incrementAndGet();
                        arrivals.add(System.nanoTime());
                        respond(ctx);
                    }
                }
            } finally {
                in.release();
            }
        }

        private void respond(ChannelHandlerContext ctx) {
            if (behavior instanceof Behavior.Delay d) {
                ctx.executor().schedule(() -> write(ctx, ok("hello")), d.delayMillis(), TimeUnit.MILLISECONDS);
            } else if (behavior instanceof Behavior.Stall s) {
                long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.serviceMillis());
                long sinceStart = TimeUnit.NANOSECONDS.toMillis(due - startNanos);
                long inPeriod = sinceStart % s.periodMillis();
                long stallStart = s.periodMillis() - s.stallMillis(); // the stall closes each period
                if (inPeriod >= stallStart) {
                    due += TimeUnit.MILLISECONDS.toNanos(s.periodMillis() - inPeriod);
                }
                ctx.executor().schedule(() -> write(ctx, ok("hello")), due - System.nanoTime(), TimeUnit.NANOSECONDS);
            } else if (behavior instanceof Behavior.ResetMidResponse) {
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.writeAndFlush(ascii("HTTP/1.1 200 OK\r\nContent-Len")).addListener(f -> ctx.close());
            } else if (behavior instanceof Behavior.Status st) {
                write(ctx, "HTTP/1.1 " + st.status() + " Oops\r\nContent-Length: 5\r\n\r\noops!");
            } else if (behavior instanceof Behavior.Chunked) {
                String[] pieces = {"HTTP/1.1 200 OK\r\nTransfer-", "Encoding: chunked\r\n\r\n5\r", "\nhello\r\n1",
                        "a;ext=1\r\n", "abcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: 1\r", "\n\r", "\n"};
                for (String p : pieces) {
                    ctx.writeAndFlush(ascii(p));
                }
            } else if (behavior instanceof Behavior.CloseAfterResponse) {
                ctx.writeAndFlush(ascii("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello"))
                        .addListener(f -> ctx.close());
            } else if (behavior instanceof Behavior.BodyUntilClose) {
                ctx.writeAndFlush(ascii("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello until close"))
                        .addListener(f -> ctx.close());
            } else if (behavior instanceof Behavior.BodyUntilCloseStalls) {
                ctx.writeAndFlush(ascii("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\npart of a bo"));
            } else if (behavior instanceof Behavior.BodyUntilCloseReset) {
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.writeAndFlush(ascii("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\npart of a bo"))
                        .addListener(f -> ctx.executor().schedule(() -> ctx.close(), 20, TimeUnit.MILLISECONDS));
            } else if (behavior instanceof Behavior.Serial se) {
                long now = System.nanoTime();
                serialFreeNanos = Math.max(now, serialFreeNanos) + TimeUnit.MILLISECONDS.toNanos(se.serviceMillis());
                ctx.executor().schedule(() -> write(ctx, ok("hello")), serialFreeNanos - now, TimeUnit.NANOSECONDS);
            } else if (behavior instanceof Behavior.Alternate a) {
                if (alternateCount++ % 2 == 0) {
                    write(ctx, "HTTP/1.1 " + a.errorStatus() + " Unavailable\r\nContent-Length: 5\r\n\r\nbusy!");
                } else {
                    ctx.executor().schedule(() -> write(ctx, ok("hello")), a.slowMillis(), TimeUnit.MILLISECONDS);
                }
            } else if (behavior instanceof Behavior.Ramp r) {
                long now = System.nanoTime();
                if (firstRequestNanos < 0) {
                    firstRequestNanos = now;
                }
                double progress = Math.min(1.0, (now - firstRequestNanos) / 1e6 / r.rampMillis());
                double delayMillis = r.fromMillis() + (r.toMillis() - r.fromMillis()) * progress;
                ctx.executor().schedule(() -> write(ctx, ok("hello")), (long) (delayMillis * 1e6), TimeUnit.NANOSECONDS);
            } else if (behavior instanceof Behavior.StallFirst sf) {
                long now = System.nanoTime();
                if (firstRequestNanos < 0) {
                    firstRequestNanos = now;
                }
                long release = firstRequestNanos + TimeUnit.MILLISECONDS.toNanos(sf.stallMillis());
                ctx.executor().schedule(() -> write(ctx, ok("hello")), Math.max(0, release - now), TimeUnit.NANOSECONDS);
            }
            // Silent: never answers
        }

        private String ok(String body) {
            return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        }

        private void write(ChannelHandlerContext ctx, String response) {
            ctx.writeAndFlush(ascii(response));
        }

        private ByteBuf ascii(String s) {
            return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
        }
    }
}
