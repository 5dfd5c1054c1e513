package dev.stackbench.loadgen;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/2 server on loopback port 0 (h2c with prior knowledge, or h2 over TLS by ALPN) answering
 * every request with 200 "ok" after a fixed delay. It counts requests and, per connection, the most
 * streams that were open at once.
 */
final class H2StubServer implements AutoCloseable {
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final long delayMillis;
    private final SslContext tls;
    private final AtomicLong requests = new AtomicLong();
    private final ConcurrentLinkedQueue<long[]> connections = new ConcurrentLinkedQueue<>(); // {requests, peak streams}

    /** @param tls a server context choosing h2 by ALPN, or null for h2c */
    H2StubServer(long delayMillis, SslContext tls) throws InterruptedException {
        this.delayMillis = delayMillis;
        this.tls = tls;
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    URI uri(String path) {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:"
                + ((java.net.InetSocketAddress) server.localAddress()).getPort() + path);
    }

    /** @return requests answered or being answered so far */
    long requests() {
        return requests.get();
    }

    /** @return per connection that sent a request: {requests, the most streams open at once} */
    List<long[]> connections() {
        return connections.stream().filter(c -> c[0] > 0).map(long[]::clone).toList();
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private final class Handler extends ChannelDuplexHandler {
        private final long[] counts = new long[2];
        private int open;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            connections.add(counts);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                boolean end = msg instanceof Http2HeadersFrame h && h.isEndStream() || msg instanceof Http2DataFrame d && d.isEndStream();
                if (!end) {
                    return;
                }
                Http2FrameStream stream = msg instanceof Http2HeadersFrame h ? h.stream() : ((Http2DataFrame) msg).stream();
                requests.incrementAndGet();
                counts[0]++;
                counts[1] = Math.max(counts[1], ++open);
                ctx.executor().schedule(() -> {
                    open--;
                    ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")).stream(stream));
                    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII), true).stream(stream));
                }, delayMillis, TimeUnit.MILLISECONDS);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
