package dev.stackbench.loadgen.ws;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/** Publishes over one WebSocket connection, a frame per message at its due time; ignores what it receives. */
final class SocketPublisher implements PublishTarget, WsConnection.Owner {
    private final WsChannels channels;
    private final URI url;
    private final InetSocketAddress address;
    private final WsConnection connection;
    private PublisherRun run;
    private CountDownLatch ready;
    private CountDownLatch closed;
    private String failure;

    SocketPublisher(WsChannels channels, URI url, InetSocketAddress address, WsMessage.Kind kind) {
        this.channels = channels;
        this.url = url;
        this.address = address;
        this.connection = new WsConnection(this, kind, 0);
    }

    @Override
    public void open(PublisherRun r, CountDownLatch readyLatch) {
        this.run = r;
        this.ready = readyLatch;
        channels.connectWebSocket(r.executor(), url, address, connection);
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void publish(long sequence, long intendedNanos, long nowNanos) {
        if (!connection.isOpen()) {
            run.failed(sequence, intendedNanos);
            return;
        }
        connection.send(run.writer().build(connection.channel().alloc(), intendedNanos, sequence));
        run.sent(sequence, intendedNanos, nowNanos, false);
    }

    @Override
    public void abandon() {
        // nothing waits: every message goes out at its due time or fails then
    }

    @Override
    public void close(CountDownLatch closedLatch) {
        this.closed = closedLatch;
        if (connection.isOpen()) {
            connection.closeHandshake(WsDefaults.CLOSE_TIMEOUT.toNanos());
        } else {
            closedLatch.countDown();
        }
    }

    @Override
    public void opened(WsConnection c, long connectNanos) {
        ready.countDown();
    }

    @Override
    public void failed(WsConnection c, FailureClass f, int status) {
        failure = f.describe(status);
        ready.countDown();
    }

    @Override
    public void message(WsConnection c, ByteBuf payload, long nowNanos) {
        // a server may broadcast to the publisher too; its copy is no delivery
    }

    @Override
    public void closed(WsConnection c, boolean byPeer, boolean clean) {
        if (byPeer) {
            run.counters().add(WsCounters.CLOSED_BY_PEER, 1);
        }
        if (closed != null) {
            closed.countDown();
        }
    }
}
