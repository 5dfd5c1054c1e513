package dev.stackbench.loadgen.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback WebSocket server for tests on port 0 ({@code /ws}), built on Netty's server codec,
 * whose behaviour is known exactly. It counts upgrades, data frames, pongs and close frames it
 * receives. Also runnable as the broadcast server of {@code bench/ws-fanout.sh}
 * ({@link #main}).
 */
final class WsStubServer implements AutoCloseable {

    /** What the server does. */
    sealed interface Behavior {
        /** Echoes every data frame, as it came, after {@code delayMillis}. */
        record Echo(long delayMillis) implements Behavior { }
        /** Echoes after {@code serviceMillis}, but holds every echo due in a stall window
         *  ({@code stallMillis} long, closing each period of {@code periodMillis}) until the window ends. */
        record Stall(long serviceMillis, long stallMillis, long periodMillis) implements Behavior { }
        /** Echoes every text message split into two fragments (a text frame and a continuation frame). */
        record Fragmented() implements Behavior { }
        /** Echoes every text frame wrapped in a JSON envelope, as a chat server would. */
        record Envelope() implements Behavior { }
        /** Forwards every data frame (and the body of every HTTP POST to {@code /publish}) to every
         *  other connection, except every {@code skipEvery}-th connection when it is &gt; 0. */
        record Broadcast(int skipEvery) implements Behavior { }
        /** Answers the upgrade with this status. */
        record Refuse(int status) implements Behavior { }
        /** Accepts TCP and never answers. */
        record Silent() implements Behavior { }
        /** Accepts TCP and closes the connection as soon as the upgrade request arrives. */
        record CloseOnUpgrade() implements Behavior { }
        /** Sends a ping to every connection once it is open, then echoes. */
        record PingThenEcho() implements Behavior { }
        /** Sends a close frame (1001) to every connection {@code afterMillis} after it opened. */
        record CloseAfter(long afterMillis) implements Behavior { }
    }

    private static final AttributeKey<Integer> NUMBER = AttributeKey.valueOf("stackbench.ws.number");

    private final EventLoopGroup group;
    private final Channel server;
    private final Behavior behavior;
    private final ChannelGroup subscribers = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger upgrades = new AtomicInteger();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong closeFrames = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final String scheme;

    WsStubServer(Behavior behavior) throws InterruptedException {
        this(behavior, null, 0, 1);
    }

    /** @param ssl a server TLS context for wss://, or null */
    WsStubServer(Behavior behavior, SslContext ssl, int port, int threads) throws InterruptedException {
        this.behavior = behavior;
        this.scheme = ssl == null ? "ws" : "wss";
        this.group = new NioEventLoopGroup(threads);
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        if (behavior instanceof Behavior.Silent) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ReferenceCountUtil.release(msg);
                                }
                            });
                            return;
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20));
                        if (behavior instanceof Behavior.CloseOnUpgrade) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ReferenceCountUtil.release(msg);
                                    ctx.close();
                                }
                            });
                            return;
                        }
                        if (!(behavior instanceof Behavior.Refuse)) {
                            ch.pipeline().addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                    .websocketPath("/ws").checkStartsWith(true).handleCloseFrames(false)
                                    .dropPongFrames(false).withUTF8Validator(false).build()));
                        }
                        ch.pipeline().addLast(new Handler());
                    }
                }).bind("127.0.0.1", port).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + port() + "/ws");
    }

    URI publishUri() {
        return URI.create("http://127.0.0.1:" + port() + "/publish");
    }

    int upgrades() { return upgrades.get(); }
    /** @return data frames received from clients (publishers' frames included) */
    long frames() { return frames.get(); }
    /** @return messages received for broadcast (frames and POSTs) */
    long published() { return published.get(); }
    long pongs() { return pongs.get(); }
    long closeFrames() { return closeFrames.get(); }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private EmbeddedChannel encoder;
        private boolean broadcastPending;
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.channel().attr(NUMBER).set(upgrades.incrementAndGet());
                subscribers.add(ctx.channel());
                if (behavior instanceof Behavior.PingThenEcho) {
                    ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer("ping", StandardCharsets.US_ASCII)));
                } else if (behavior instanceof Behavior.CloseAfter c) {
                    ctx.executor().schedule(() -> ctx.writeAndFlush(new CloseWebSocketFrame(1001, "going away")),
                            c.afterMillis(), TimeUnit.MILLISECONDS);
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // e.g. a client that refused our certificate: the test asserts the client's side
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest req) {
                try {
                    http(ctx, req);
                } finally {
                    req.release();
                }
                return;
            }
            WebSocketFrame frame = (WebSocketFrame) msg;
            if (frame instanceof PongWebSocketFrame) {
                pongs.incrementAndGet();
                frame.release();
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeFrames.incrementAndGet();
                ctx.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
                frame.release();
            } else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
                frames.incrementAndGet();
                data(ctx, frame);
            } else {
                frame.release();
            }
        }

        private void http(ChannelHandlerContext ctx, FullHttpRequest req) {
            HttpResponseStatus status = behavior instanceof Behavior.Refuse r ? HttpResponseStatus.valueOf(r.status())
                    : req.uri().equals("/publish") ? HttpResponseStatus.NO_CONTENT : HttpResponseStatus.NOT_FOUND;
            if (status == HttpResponseStatus.NO_CONTENT) {
                published.incrementAndGet();
                broadcast(null, req.content().retain(), true);
            }
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(res);
        }

        private void data(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (behavior instanceof Behavior.Broadcast) {
                published.incrementAndGet();
                broadcast(ctx.channel(), frame.content().retain(), frame instanceof TextWebSocketFrame);
                frame.release();
            } else if (behavior instanceof Behavior.Echo e) {
                later(ctx, frame, TimeUnit.MILLISECONDS.toNanos(e.delayMillis()));
            } else if (behavior instanceof Behavior.Stall s) {
                long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.serviceMillis());
                long inPeriod = TimeUnit.NANOSECONDS.toMillis(due - startNanos) % s.periodMillis();
                long stallStart = s.periodMillis() - s.stallMillis();
                if (inPeriod >= stallStart) {
                    due += TimeUnit.MILLISECONDS.toNanos(s.periodMillis() - inPeriod);
                }
                later(ctx, frame, due - System.nanoTime());
            } else if (behavior instanceof Behavior.Fragmented) {
                ByteBuf content = frame.content();
                int half = content.readableBytes() / 2;
                ctx.write(new TextWebSocketFrame(false, 0, content.retainedSlice(content.readerIndex(), half)));
                ctx.writeAndFlush(new ContinuationWebSocketFrame(true, 0,
                        content.retainedSlice(content.readerIndex() + half, content.readableBytes() - half)));
                frame.release();
            } else if (behavior instanceof Behavior.Envelope) {
                String text = frame.content().toString(StandardCharsets.UTF_8);
                frame.release();
                ctx.writeAndFlush(new TextWebSocketFrame("{\"from\":\"server\",\"data\":\"" + text + "\"}"));
            } else {
                ctx.writeAndFlush(frame); // PingThenEcho, CloseAfter: plain echo
            }
        }

        private void later(ChannelHandlerContext ctx, WebSocketFrame frame, long delayNanos) {
            if (delayNanos <= 0) {
                ctx.writeAndFlush(frame);
            } else {
                ctx.executor().schedule(() -> ctx.writeAndFlush(frame), delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void broadcast(Channel from, ByteBuf content, boolean text) {
            int skip = ((Behavior.Broadcast) (behavior instanceof Behavior.Broadcast ? behavior : new Behavior.Broadcast(0))).skipEvery();
            // Server frames are unmasked, so one encoding (by Netty's encoder) serves every subscriber.
            if (encoder == null) {
                encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
            }
            encoder.writeOutbound(text ? new TextWebSocketFrame(content) : new BinaryWebSocketFrame(content));
            CompositeByteBuf encoded = Unpooled.compositeBuffer();
            for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
                encoded.addComponent(true, part);
            }
            for (Channel ch : subscribers) {
                Integer n = ch.attr(NUMBER).get();
                if (ch == from || (skip > 0 && n != null && n % skip == 0)) {
                    continue;
                }
                ch.write(encoded.retainedDuplicate(), ch.voidPromise());
            }
            encoded.release();
            if (from == null) {
                subscribers.flush(); // an HTTP POST: one message per request
            } else {
                broadcastPending = true;
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            // Every message of this read was written to every subscriber; one flush each carries them
            // all, as an efficient broadcast server batches under load.
            if (broadcastPending) {
                broadcastPending = false;
                subscribers.flush();
            }
            ctx.fireChannelReadComplete();
        }
    }

    /**
     * Runs a server until killed: {@code WsStubServer PORT [THREADS] [broadcast|echo:MILLIS|refuse:STATUS]}
     * (default broadcast); prints its URL once listening. The benchmark's and the docs' server.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String kind = args.length > 2 ? args[2] : "broadcast";
        Behavior behavior = kind.startsWith("echo:") ? new Behavior.Echo(Long.parseLong(kind.substring(5)))
                : kind.startsWith("refuse:") ? new Behavior.Refuse(Integer.parseInt(kind.substring(7)))
                : new Behavior.Broadcast(0);
        WsStubServer s = new WsStubServer(behavior, null, port, threads);
        System.out.println("listening " + s.uri() + " publish " + s.publishUri());
        System.out.flush();
        Thread.currentThread().join();
    }
}
