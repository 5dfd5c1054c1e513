package dev.stackbench.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection before the load, when the run uses TLS or HTTP/2: it learns what the server
 * speaks (ALPN's choice, the TLS version) and fails fast, with one actionable line, where every
 * connection of the run would fail the same way (a certificate that does not verify, a handshake
 * the server refuses, a server that does not answer HTTP/2's preface). A connect that fails is not
 * its business: the run counts connect errors as over plain HTTP.
 */
final class ProtocolProbe {
    /**
     * What the probe learnt.
     *
     * @param h2         whether to speak HTTP/2
     * @param tlsVersion e.g. TLSv1.3; empty over plain TCP or when the connect failed
     * @param h2Declined HTTP/2 was asked for, but the server chose HTTP/1.1 by ALPN
     */
    record Outcome(boolean h2, String tlsVersion, boolean h2Declined) { }

    private ProtocolProbe() {
    }

    /**
     * Call only for a run over TLS or HTTP/2.
     *
     * @param tls the run's TLS client, null over plain TCP
     * @throws ConnectionSetupException when the server refuses the TLS handshake or HTTP/2
     */
    static Outcome run(Bootstrap base, InetSocketAddress address, LoadSpec spec, TlsClient tls) throws InterruptedException {
        String where = spec.host() + ":" + spec.port();
        long timeoutMillis = spec.timeout().toMillis();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Bootstrap b = base.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                if (tls != null) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc(), spec.host(), spec.port(), timeoutMillis));
                } else {
                    // h2c: the codec goes in before the channel is active. Added later (in the connect listener), a
                    // server's SETTINGS sent at once on accept could arrive first and be dropped, and the codec
                    // would then meet the server's SETTINGS ack as the first frame and call it a refusal
                    addH2Check(ch, where, "", false, outcome);
                }
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close(); // a failed handshake: its future says why
                    }
                });
            }
        });
        ChannelFuture connect = b.connect(address);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                outcome.complete(new Outcome(spec.http2(), "", false));
                return;
            }
            Channel ch = connect.channel();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                return; // h2c: the check is in the pipeline since initChannel
            }
            ssl.handshakeFuture().addListener(h -> {
                if (!h.isSuccess()) {
                    outcome.completeExceptionally(tlsFailure(where, h.cause()));
                    return;
                }
                String version = ssl.engine().getSession().getProtocol();
                boolean h2 = ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol());
                if (spec.http2() && h2) {
                    checkH2(ch, where, version, true, outcome);
                } else {
                    outcome.complete(new Outcome(false, version, spec.http2()));
                }
            });
        });
        try {
            return outcome.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (ConnectionSetupException) e.getCause();
        } catch (TimeoutException e) {
            throw new ConnectionSetupException((tls != null ? "TLS" : "HTTP/2") + " with " + where + " did not complete within the timeout ("
                    + spec.timeout().toMillis() + " ms): is it the right port? raise --timeout for a slow server");
        } finally {
            connect.channel().close();
        }
    }

    private static ConnectionSetupException tlsFailure(String where, Throwable cause) {
        if (TlsClient.isCertificateFailure(cause)) {
            return new ConnectionSetupException("TLS certificate of " + where + " not accepted: " + TlsClient.reason(cause)
                    + "; use --insecure for a self-signed certificate");
        }
        return new ConnectionSetupException("TLS handshake with " + where + " failed: " + TlsClient.reason(cause)
                + "; is it an https port? (for plain HTTP use http://)");
    }

    /** Over HTTP/2 (h2 chosen by ALPN, or h2c): ready when the server's SETTINGS arrive. */
    private static void checkH2(Channel ch, String where, String tlsVersion, boolean overTls, CompletableFuture<Outcome> outcome) {
        addH2Check(ch, where, tlsVersion, overTls, outcome);
        // the codec writes the client preface and SETTINGS when added to an active channel, but does not
        // flush them: unflushed, an HTTP/1.1 server never sees a request and the probe waits out its timeout
        ch.flush();
    }

    private static void addH2Check(Channel ch, String where, String tlsVersion, boolean overTls, CompletableFuture<Outcome> outcome) {
        String how = overTls ? "HTTP/2 (h2, chosen by ALPN)" : "HTTP/2 with prior knowledge (h2c)";
        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof Http2SettingsFrame) {
                    outcome.complete(new Outcome(true, tlsVersion, false));
                }
                ReferenceCountUtil.release(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                outcome.completeExceptionally(refused(where, how, TlsClient.reason(cause)));
                ctx.close();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                outcome.completeExceptionally(refused(where, how, "it closed the connection before its SETTINGS"));
            }
        });
    }

    private static ConnectionSetupException refused(String where, String how, String reason) {
        return new ConnectionSetupException(how + " refused by " + where + ": " + reason
                + (how.contains("h2c") ? "; a server that speaks only HTTP/1.1 over plain TCP needs the run without HTTP/2" : ""));
    }
}
