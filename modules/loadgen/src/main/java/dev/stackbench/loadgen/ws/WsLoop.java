package dev.stackbench.loadgen.ws;

import dev.stackbench.loadgen.Defaults;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One event loop's share of the connections: their opening, the echo schedule (open model) or
 * replies (closed model), the fan-out deliveries, the recorders and counters. Every method except
 * the recorders' and counters' readers runs on the loop's own thread, or submits to it.
 *
 * <p>Timing: all times are {@link System#nanoTime()}. A reply or delivery is recorded when its
 * message was intended in the measured interval {@code [measureStart, end)}; latency is
 * {@code receive - intended} in microseconds.
 */
final class WsLoop implements WsConnection.Owner {
    private static final int ECHO_COUNT_BITS = 40;
    private static final long ECHO_COUNT_MASK = (1L << ECHO_COUNT_BITS) - 1;
    private final EventLoop executor;
    private final WsChannels channels;
    private final URI url;
    private final InetSocketAddress address;
    private final WsConnection[] connections;
    private final MessageWriter writer;
    private final WsPattern pattern;
    private final boolean openEcho;
    private final double echoRatePerSecond;
    private final long phaseNanos;
    private final long timeoutNanos;
    private final long closeTimeoutNanos;
    private final long lateNanos;
    private final long highestMicros;
    private final SingleWriterRecorder latency;
    private final SingleWriterRecorder connect;
    private final WsCounters counters = new WsCounters();
    private final CountDownLatch attempts;
    private final CountDownLatch closed = new CountDownLatch(1);

    private int nextToConnect;
    private int connectsInFlight;
    private int openCount;

    // Fixed by start().
    private boolean started;
    private boolean finished;
    private boolean closing;
    private long measureStartNanos;
    private long endNanos = Long.MAX_VALUE;
    private Schedule echoSchedule;
    private long echoSequence;
    private int roundRobin;
    private DeliveryBook book;
    private final Runnable tick = this::tick;

    /**
     * @param echoRatePerSecond open-model echo: this loop's share of the rate; else 0
     * @param phaseNanos        open-model echo: this loop's schedule starts this much after the load's,
     *                          so that the loops' sends interleave
     * @param firstId           the run-wide number of this loop's first connection
     * @param attempts          counted down once per connection attempt, success or not
     */
    WsLoop(EventLoop executor, WsChannels channels, URI url, InetSocketAddress address, int firstId, int connectionCount,
           WsSpec spec, double echoRatePerSecond, long phaseNanos, long highestMicros, CountDownLatch attempts) {
        this.executor = executor;
        this.channels = channels;
        this.url = url;
        this.address = address;
        this.writer = new MessageWriter(spec.message());
        this.pattern = spec.pattern();
        this.openEcho = echoRatePerSecond > 0;
        this.echoRatePerSecond = echoRatePerSecond;
        this.phaseNanos = phaseNanos;
        this.timeoutNanos = spec.timeout().toNanos();
        this.closeTimeoutNanos = closeTimeout(spec).toNanos();
        this.lateNanos = Defaults.LATE_SEND.toNanos();
        this.highestMicros = highestMicros;
        this.latency = new SingleWriterRecorder(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.connect = new SingleWriterRecorder(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.attempts = attempts;
        this.connections = new WsConnection[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new WsConnection(this, spec.message().kind(), firstId + i);
        }
    }

    /** @return how long the close handshake at the end may take: {@link WsDefaults#CLOSE_TIMEOUT}, or the run's timeout if longer */
    static java.time.Duration closeTimeout(WsSpec spec) {
        return spec.timeout().compareTo(WsDefaults.CLOSE_TIMEOUT) > 0 ? spec.timeout() : WsDefaults.CLOSE_TIMEOUT;
    }

    WsCounters counters() { return counters; }
    SingleWriterRecorder latencyRecorder() { return latency; }
    SingleWriterRecorder connectRecorder() { return connect; }
    EventLoop executor() { return executor; }
    /** Fan-out: this loop's deliveries; valid after {@link #finish()} completed. */
    DeliveryBook book() { return book; }
    /** Counts down once every connection is closed after {@link #closeAll}. */
    CountDownLatch closed() { return closed; }

    /** Opens the connections, at most {@link WsDefaults#CONNECTS_IN_FLIGHT} attempts at once. */
    void connectAll() {
        executor.execute(this::connectMore);
    }

    private void connectMore() {
        while (connectsInFlight < WsDefaults.CONNECTS_IN_FLIGHT && nextToConnect < connections.length && !closing) {
            connectsInFlight++;
            channels.connectWebSocket(executor, url, address, connections[nextToConnect++]);
        }
    }

    private void attemptDone() {
        connectsInFlight--;
        attempts.countDown();
        connectMore();
    }

    /**
     * Starts the load. Called once, from any thread.
     *
     * @param publish fan-out: the publisher's schedule, whose messages of the interval this loop tracks
     */
    void start(long loadStartNanos, long measureStartNanos, long endNanos, Schedule publish) {
        executor.execute(() -> {
            this.started = true;
            this.measureStartNanos = measureStartNanos;
            this.endNanos = endNanos;
            if (pattern instanceof WsPattern.FanOut) {
                book = new DeliveryBook(publish.firstAtOrAfter(measureStartNanos), publish.firstAtOrAfter(endNanos));
                return;
            }
            if (openEcho) {
                echoSchedule = new Schedule(loadStartNanos + phaseNanos, echoRatePerSecond);
                tick();
                return;
            }
            long sweep = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(100), timeoutNanos / 20));
            executor.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.NANOSECONDS);
            long now = System.nanoTime();
            for (WsConnection c : connections) {
                if (c.isOpen()) {
                    sendClosedEcho(c, now);
                }
            }
        });
    }

    /** Stops recording; once the returned future is done the book and counters are final. */
    Future<?> finish() {
        return executor.submit(() -> {
            finished = true;
        });
    }

    /** Starts every open connection's close handshake; {@link #closed()} counts down when all are closed. */
    void closeAll() {
        executor.execute(() -> {
            closing = true;
            for (WsConnection c : connections) {
                c.closeHandshake(closeTimeoutNanos);
            }
            if (openCount == 0) {
                closed.countDown();
            }
        });
    }

    // ---- connection events --------------------------------------------------------------------

    @Override
    public void opened(WsConnection c, long connectNanos) {
        connect.recordValue(Math.min(highestMicros, Math.max(1, connectNanos / 1000)));
        counters.add(WsCounters.OPEN, 1);
        openCount++;
        attemptDone();
        if (started && pattern instanceof WsPattern.FanOut) {
            // opened after the load started: not among the subscribers every message is expected at
            c.joinedLate = true;
        }
        if (closing) {
            c.closeHandshake(closeTimeoutNanos);
        } else if (started && !openEcho && pattern instanceof WsPattern.Echo) {
            sendClosedEcho(c, System.nanoTime()); // a late opener joins the closed model
        }
    }

    @Override
    public void failed(WsConnection c, FailureClass failure, int status) {
        if (closing) {
            attemptDone(); // an attempt still under way when the run ended was aborted by us, not failed
            return;
        }
        if (failure == FailureClass.HANDSHAKE_STATUS) {
            counters.handshakeStatus(status);
        } else {
            counters.add(failure.counter, 1);
        }
        attemptDone();
    }

    @Override
    public void closed(WsConnection c, boolean byPeer, boolean clean) {
        openCount--;
        if (byPeer) {
            counters.add(WsCounters.CLOSED_BY_PEER, 1);
        }
        if (clean) {
            counters.add(WsCounters.CLOSED_CLEANLY, 1);
        }
        if (closing && openCount == 0) {
            closed.countDown();
        }
    }

    @Override
    public void message(WsConnection c, ByteBuf payload, long now) {
        int at = Stamp.find(payload);
        if (at == Stamp.NONE) {
            counters.add(WsCounters.UNRECOGNIZED, 1);
            return;
        }
        if (!started || finished || c.joinedLate) {
            return;
        }
        long intended = Stamp.intendedNanos(payload, at);
        long sequence = Stamp.sequence(payload, at);
        if (pattern instanceof WsPattern.Echo && echoOwner(sequence) != c.index()) {
            counters.add(WsCounters.UNRECOGNIZED, 1); // another connection's message: no echo of ours
            return;
        }
        if (intended >= measureStartNanos && intended < endNanos) {
            latency.recordValue(Math.min(highestMicros, Math.max(1, (now - intended) / 1000)));
            counters.add(WsCounters.RECEIVED, 1);
            if (book != null) {
                book.deliver(sequence, now);
            }
        }
        if (!openEcho && pattern instanceof WsPattern.Echo && sequence == c.sequence && c.outstandingSinceNanos >= 0) {
            c.outstandingSinceNanos = -1;
            if (now < endNanos) {
                sendClosedEcho(c, now);
            }
        }
    }

    // ---- echo ---------------------------------------------------------------------------------

    private void sendClosedEcho(WsConnection c, long now) {
        if (now >= endNanos) {
            return;
        }
        c.sequence = echoSequence(c, (c.sequence & ECHO_COUNT_MASK) + 1);
        c.outstandingSinceNanos = now;
        if (now >= measureStartNanos) {
            counters.add(WsCounters.SENT, 1);
        }
        c.send(writer.build(c.channel().alloc(), now, c.sequence));
    }

    /** Closed model: a message without reply within the timeout is given up (it counts as missing); the next goes out. */
    private void sweep() {
        long now = System.nanoTime();
        for (WsConnection c : connections) {
            if (c.isOpen() && c.outstandingSinceNanos >= 0 && now - c.outstandingSinceNanos > timeoutNanos) {
                c.outstandingSinceNanos = -1;
                sendClosedEcho(c, now);
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        long next = echoSchedule.intended(echoSequence);
        while (next <= now && next < endNanos) {
            sendOpenEcho(next, now);
            next = echoSchedule.intended(++echoSequence);
        }
        if (next < endNanos && !finished) {
            executor.schedule(tick, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void sendOpenEcho(long intended, long now) {
        boolean measured = intended >= measureStartNanos;
        if (measured) {
            counters.add(WsCounters.SENT, 1); // due; without an open connection it stays unanswered (missing)
        }
        WsConnection c = nextOpen();
        if (c == null) {
            return;
        }
        if (measured) {
            long lag = now - intended;
            counters.max(WsCounters.MAX_LAG_NANOS, lag);
            if (lag > lateNanos) {
                counters.add(WsCounters.LATE, 1);
            }
            if (!c.writable()) {
                counters.add(WsCounters.QUEUED, 1); // the server does not read as fast as we send
            }
        }
        c.send(writer.build(c.channel().alloc(), intended, echoSequence(c, echoSequence)));
    }

    /** Echo sequence numbers carry the sending connection's number above {@link #ECHO_COUNT_BITS} bits of count. */
    private static long echoSequence(WsConnection c, long count) {
        return ((long) c.index() << ECHO_COUNT_BITS) | (count & ECHO_COUNT_MASK);
    }

    private static long echoOwner(long sequence) {
        return sequence >>> ECHO_COUNT_BITS;
    }

    private WsConnection nextOpen() {
        for (int tries = 0; tries < connections.length; tries++) {
            WsConnection c = connections[roundRobin];
            roundRobin = (roundRobin + 1) % connections.length;
            if (c.isOpen()) {
                return c;
            }
        }
        return null;
    }
}
