package dev.stackbench.loadgen.ws;

import dev.stackbench.loadgen.Header;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publishes by HTTP POST, the message as the body, over keep-alive connections with one request in
 * flight each. A message due while every connection is busy waits for the next free one (counted
 * as queued); a connection the server closes is reopened. Runs on the publisher's event loop.
 */
final class HttpPublisher implements PublishTarget {
    private static final long RECONNECT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final WsChannels channels;
    private final URI url;
    private final InetSocketAddress address;
    private final String pathAndQuery;
    private final String hostHeader;
    private final String contentType;
    private final Post[] posts;
    private final ArrayDeque<Post> idle = new ArrayDeque<>();
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
    private PublisherRun run;
    private CountDownLatch ready;
    private int attemptsLeft;
    private String failure;
    private boolean closing;

    HttpPublisher(WsChannels channels, Publisher.HttpPost spec, InetSocketAddress address, WsMessage.Kind kind) {
        this.channels = channels;
        this.url = spec.url();
        this.address = address;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.pathAndQuery = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        this.hostHeader = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
        this.contentType = kind == WsMessage.Kind.TEXT ? "text/plain; charset=utf-8" : "application/octet-stream";
        this.posts = new Post[spec.connections()];
        for (int i = 0; i < posts.length; i++) {
            posts[i] = new Post();
        }
    }

    @Override
    public void open(PublisherRun r, CountDownLatch readyLatch) {
        this.run = r;
        this.ready = readyLatch;
        this.attemptsLeft = posts.length;
        for (Post p : posts) {
            p.connect();
        }
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void publish(long sequence, long intendedNanos, long nowNanos) {
        if (waiting.isEmpty() && !idle.isEmpty()) {
            idle.poll().post(sequence, intendedNanos, nowNanos, false);
            return;
        }
        waiting.add(new long[] {sequence, intendedNanos});
        pump();
    }

    private void pump() {
        while (!waiting.isEmpty() && !idle.isEmpty()) {
            long[] m = waiting.poll();
            idle.poll().post(m[0], m[1], System.nanoTime(), true);
        }
    }

    @Override
    public void abandon() {
        while (!waiting.isEmpty()) {
            long[] m = waiting.poll();
            run.failed(m[0], m[1]);
        }
    }

    @Override
    public void close(CountDownLatch closed) {
        closing = true;
        for (Post p : posts) {
            if (p.channel != null) {
                p.channel.close();
            }
        }
        closed.countDown();
    }

    private void attemptDone(boolean ok, String why) {
        if (attemptsLeft == 0) {
            return;
        }
        attemptsLeft--;
        if (ok) {
            failure = null;
            ready.countDown();
            attemptsLeft = 0;
        } else if (attemptsLeft == 0) {
            failure = why;
            ready.countDown();
        }
    }

    /** One keep-alive connection; reopened with the same handler after a close. */
    @ChannelHandler.Sharable
    private final class Post extends SimpleChannelInboundHandler<FullHttpResponse> {
        private Channel channel;
        private boolean busy;

        void connect() {
            if (closing) {
                return;
            }
            ChannelFuture f = channels.connectHttp(run.executor(), url, address, this);
            f.addListener(done -> {
                if (done.isSuccess()) {
                    channel = f.channel();
                    idle.add(this);
                    attemptDone(true, null);
                    pump();
                } else {
                    attemptDone(false, FailureClass.ofConnect(done.cause()).describe(0));
                    run.executor().schedule(this::connect, RECONNECT_NANOS, TimeUnit.NANOSECONDS);
                }
            });
        }

        void post(long sequence, long intendedNanos, long nowNanos, boolean queued) {
            ByteBuf body = run.writer().build(channel.alloc(), intendedNanos, sequence);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, pathAndQuery, body);
            request.headers().set(HttpHeaderNames.HOST, hostHeader)
                    .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            for (Header h : channels.headers()) {
                request.headers().set(h.name(), h.value());
            }
            busy = true;
            channel.writeAndFlush(request);
            run.sent(sequence, intendedNanos, nowNanos, queued);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            int status = response.status().code();
            if (status < 200 || status >= 400) {
                run.counters().publishStatus(status);
            }
            busy = false;
            idle.add(this);
            pump();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            idle.remove(this);
            busy = false;
            channel = null;
            if (!closing) {
                run.executor().schedule(this::connect, RECONNECT_NANOS, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
