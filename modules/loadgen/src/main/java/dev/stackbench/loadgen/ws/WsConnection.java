package dev.stackbench.loadgen.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection, the last handler of its channel's pipeline. It reports the upgrade's
 * outcome, every data frame and the close to its {@link Owner}, on the channel's event loop.
 * Pings are answered by Netty's protocol handler before they reach it.
 *
 * <p>Close: at the end {@link #closeHandshake} sends a close frame (1000) and waits for the
 * server's; a close frame the server sends first is answered with the same status.
 */
final class WsConnection extends ChannelInboundHandlerAdapter implements ChannelFutureListener {

    /** Receives a connection's events, on its event loop. */
    interface Owner {
        /** The upgrade completed {@code connectNanos} after the connect started. */
        void opened(WsConnection c, long connectNanos);

        /** The attempt failed (TCP, TLS or upgrade); {@code status} is the refused upgrade's, else 0. */
        void failed(WsConnection c, FailureClass failure, int status);

        /** A text or binary message; {@code payload} is valid only during the call. */
        void message(WsConnection c, ByteBuf payload, long nowNanos);

        /** The open connection closed; {@code byPeer} when the server closed it before our close. */
        void closed(WsConnection c, boolean byPeer, boolean clean);
    }

    private final Owner owner;
    private final WsMessage.Kind kind;
    private final int index;
    private Channel channel;
    private long connectStartNanos;
    private boolean open;
    private boolean done; // failure or close reported
    private boolean closing;
    private boolean cleanClose;

    // Per-connection state of the owner. Echo: the outstanding message, if any. Fan-out: whether the
    // connection opened after the load started (its deliveries are not counted).
    boolean joinedLate;
    long sequence;
    long outstandingSinceNanos = -1;

    WsConnection(Owner owner, WsMessage.Kind kind, int index) {
        this.owner = owner;
        this.kind = kind;
        this.index = index;
    }

    int index() { return index; }
    boolean isOpen() { return open && !closing; }
    Channel channel() { return channel; }

    /** Starts the attempt on {@code future} (the channel's connect). */
    void connecting(ChannelFuture future, long startNanos) {
        this.connectStartNanos = startNanos;
        this.channel = future.channel();
        future.addListener(this);
    }

    /** TCP connect outcome. */
    @Override
    public void operationComplete(ChannelFuture f) {
        if (!f.isSuccess()) {
            fail(FailureClass.ofConnect(f.cause()), 0);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            open = true;
            owner.opened(this, System.nanoTime() - connectStartNanos);
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fail(FailureClass.HANDSHAKE_TIMEOUT, 0);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
                if (open) {
                    owner.message(this, ((WebSocketFrame) msg).content(), System.nanoTime());
                }
            } else if (msg instanceof CloseWebSocketFrame close) {
                if (closing) {
                    cleanClose = true;
                } else if (open) {
                    int status = close.statusCode();
                    ctx.writeAndFlush(new CloseWebSocketFrame(status > 0 ? status : WebSocketCloseStatus.NORMAL_CLOSURE.code(), ""));
                }
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!open) {
            FailureClass failure = FailureClass.ofHandshake(cause);
            fail(failure, failure == FailureClass.HANDSHAKE_STATUS ? FailureClass.statusOf(cause) : 0);
        }
        // an open connection that fails is closed; channelInactive counts it as closed by the peer
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (open && !done) {
            done = true;
            owner.closed(this, !closing, cleanClose);
        } else if (!open) {
            fail(FailureClass.HANDSHAKE_CLOSED, 0);
        }
        open = false;
        super.channelInactive(ctx);
    }

    private void fail(FailureClass failure, int status) {
        if (done) {
            return;
        }
        done = true;
        owner.failed(this, failure, status);
        if (channel != null) {
            channel.close();
        }
    }

    /** Sends one message (text or binary frame) with {@code payload}, whose ownership passes on. */
    void send(ByteBuf payload) {
        WebSocketFrame frame = kind == WsMessage.Kind.TEXT ? new TextWebSocketFrame(payload) : new BinaryWebSocketFrame(payload);
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    /** Whether the channel's outbound buffer is below its high-water mark. */
    boolean writable() {
        return channel.isWritable();
    }

    /** Starts the close handshake; the channel closes when the server answers or after {@code timeoutNanos}. */
    void closeHandshake(long timeoutNanos) {
        if (!open || closing) {
            if (channel != null && !open) {
                channel.close();
            }
            return;
        }
        closing = true;
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }
}
