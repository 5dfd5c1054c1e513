package dev.stackbench.loadgen.ws;

import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import dev.stackbench.loadgen.TlsClient;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Opens channels of one run: TCP (epoll or NIO), TLS for {@code wss://} and {@code https://}
 * ({@link TlsClient}: OpenSSL or the JDK's engine, the server's name checked unless insecure), and either the WebSocket client
 * pipeline (Netty's HTTP codec, upgrade handshaker, frame codec) or a plain HTTP/1.1 client
 * pipeline for an HTTP publisher. Shared by the loops; immutable after construction.
 */
final class WsChannels {
    private final Bootstrap base;
    private final TlsClient tls;
    private final List<Header> headers;
    private final int timeoutMillis;
    private final int maxFrameBytes;

    /**
     * @param insecure accept any server certificate
     * @throws SSLException when the JDK cannot build a TLS client context
     */
    WsChannels(Transport transport, List<Header> headers, long timeoutMillis, int messageBytes, boolean insecure) throws SSLException {
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
        this.base = new Bootstrap().channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, this.timeoutMillis);
        this.tls = new TlsClient(TlsClient.Provider.AUTO, insecure, false);
        this.headers = List.copyOf(headers);
        this.maxFrameBytes = Math.max(WsDefaults.MAX_FRAME_BYTES, messageBytes * 2);
    }

    List<Header> headers() {
        return headers;
    }

    /** Connects a WebSocket channel to {@code url} on {@code loop}; {@code c} learns the outcome. */
    void connectWebSocket(EventLoop loop, URI url, InetSocketAddress address, WsConnection c) {
        HttpHeaders extra = new DefaultHttpHeaders();
        headers.forEach(h -> extra.add(h.name(), h.value()));
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(url).version(WebSocketVersion.V13).allowExtensions(false).customHeaders(extra)
                .maxFramePayloadLength(maxFrameBytes)
                .handleCloseFrames(false) // WsConnection answers close frames and completes our own close handshake
                .sendCloseFrame(null)
                .dropPongFrames(true)
                .withUTF8Validator(false) // a load generator does not validate the server's text
                .handshakeTimeoutMillis(timeoutMillis)
                .build();
        boolean secure = "wss".equalsIgnoreCase(url.getScheme());
        ChannelFuture f = base.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ChannelPipeline p = ch.pipeline();
                if (secure) {
                    p.addLast(sslHandler(ch, url));
                }
                p.addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(maxFrameBytes), c);
            }
        }).connect(address);
        c.connecting(f, System.nanoTime());
    }

    /** Connects an HTTP/1.1 channel to {@code url} on {@code loop} with {@code handler} last. */
    ChannelFuture connectHttp(EventLoop loop, URI url, InetSocketAddress address, io.netty.channel.ChannelHandler handler) {
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        return base.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ChannelPipeline p = ch.pipeline();
                if (secure) {
                    p.addLast(sslHandler(ch, url));
                }
                p.addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), handler);
            }
        }).connect(address);
    }

    private SslHandler sslHandler(SocketChannel ch, URI url) {
        return tls.newHandler(ch.alloc(), WsSpec.host(url), WsSpec.port(url), timeoutMillis);
    }
}
