package dev.stackbench.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One event loop's share of the load: its connections, its part of the open-model schedule, its
 * latency recorders and counters. Every method except the recorders' and counters' readers runs
 * on the loop's own thread.
 *
 * <p>Timing: all times are {@link System#nanoTime()}. A response is recorded only when its request
 * was intended at or after the start of the measured interval; latency is
 * {@code response - intended}, service time {@code response - actual send}, both in microseconds.
 */
final class Loop {
    private final EventLoop executor;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final EncodedRequests requests;
    private final Connection[] connections;
    private final boolean open;
    private final long timeoutNanos;
    private final long lateNanos;
    private final long highestMicros;
    private final SingleWriterRecorder latency;
    private final SingleWriterRecorder service;
    private final LoopCounters counters = new LoopCounters();
    private final CountDownLatch firstAttempts;
    private final CountDownLatch drained = new CountDownLatch(1);

    // Timings, fixed by start().
    private boolean started;
    private long measureStartNanos;
    private long endNanos = Long.MAX_VALUE;
    private long drainDeadlineNanos = Long.MAX_VALUE;
    private boolean finished;

    // Open model: the schedule and the requests waiting for a free connection.
    private final double intervalNanos;
    private final long resolutionNanos;
    private long scheduleStartNanos;
    private long sequence;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final LongQueue pending = new LongQueue();
    private final Runnable tick = this::tick;

    Loop(EventLoop executor, Bootstrap bootstrap, InetSocketAddress address, EncodedRequests requests,
         int connectionCount, LoadSpec spec, double ratePerSecond, long highestMicros, CountDownLatch firstAttempts) {
        this.executor = executor;
        this.bootstrap = bootstrap.clone(executor);
        this.address = address;
        this.requests = requests;
        this.open = ratePerSecond > 0;
        this.intervalNanos = open ? 1e9 / ratePerSecond : 0;
        this.resolutionNanos = Math.max(1, spec.resolution().toNanos());
        this.timeoutNanos = spec.timeout().toNanos();
        this.lateNanos = Defaults.LATE_SEND.toNanos();
        this.highestMicros = highestMicros;
        this.latency = new SingleWriterRecorder(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.service = new SingleWriterRecorder(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.firstAttempts = firstAttempts;
        this.connections = new Connection[connectionCount];
        int size = requests.maxLength();
        for (int i = 0; i < connectionCount; i++) {
            ByteBuf out = Unpooled.directBuffer(size, size);
            connections[i] = new Connection(this, out, spec.isHead());
        }
    }

    EventLoop executor() { return executor; }
    Bootstrap bootstrap() { return bootstrap; }
    InetSocketAddress address() { return address; }
    EncodedRequests requests() { return requests; }
    LoopCounters counters() { return counters; }
    SingleWriterRecorder latencyRecorder() { return latency; }
    SingleWriterRecorder serviceRecorder() { return service; }
    /** Counts down once every request is answered or abandoned after the end. */
    CountDownLatch drained() { return drained; }

    /** Opens every connection; each counts {@code firstAttempts} down once, success or not. */
    void connectAll() {
        executor.execute(() -> {
            for (Connection c : connections) {
                c.connect();
            }
        });
    }

    /**
     * Starts sending. Called once, from any thread.
     *
     * @param loadStartNanos    when the schedule starts (warm-up included)
     * @param measureStartNanos when recording starts
     * @param endNanos          when sending stops
     */
    void start(long loadStartNanos, long measureStartNanos, long endNanos) {
        executor.execute(() -> {
            this.started = true;
            this.scheduleStartNanos = loadStartNanos;
            this.measureStartNanos = measureStartNanos;
            this.endNanos = endNanos;
            this.drainDeadlineNanos = endNanos + timeoutNanos;
            long sweep = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(100), timeoutNanos / 20));
            executor.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.NANOSECONDS);
            long now = System.nanoTime();
            for (Connection c : connections) {
                if (c.idle() && open) {
                    idle.addLast(c);
                } else if (c.idle()) {
                    sendClosed(c, now);
                }
            }
            if (open) {
                tick();
            }
        });
    }

    /** @return whether connections should (re)connect: before the end of the drain */
    boolean acceptsConnections() {
        return !finished;
    }

    // ---- events from connections -------------------------------------------------------------

    void connected(Connection c) {
        if (!started) {
            firstAttempts.countDown();
            return;
        }
        idle(c);
    }

    void connectFailed(Connection c) {
        if (!started) {
            firstAttempts.countDown();
        } else {
            countError(LoopCounters.CONNECT, System.nanoTime());
        }
    }

    void disconnected(Connection c) {
        if (open) {
            idle.remove(c);
        }
        checkDrained(System.nanoTime());
    }

    /** A connection is free for the next request. */
    void idle(Connection c) {
        if (!started) {
            return;
        }
        long now = System.nanoTime();
        if (open) {
            idle.addLast(c);
            pump(now, Long.MAX_VALUE);
        } else if (now < endNanos) {
            sendClosed(c, now);
        }
        checkDrained(now);
    }

    private void sendClosed(Connection c, long now) {
        if (now >= measureStartNanos) {
            counters.add(LoopCounters.SENDS, 1);
        }
        c.send(now, now);
    }

    void bytesRead(int n) {
        if (started && System.nanoTime() >= measureStartNanos) {
            counters.add(LoopCounters.BYTES, n);
        }
    }

    /** A complete response. */
    void responded(long intended, long sent, int status) {
        if (intended < measureStartNanos || !started) {
            return;
        }
        long now = System.nanoTime();
        latency.recordValue(Math.min(highestMicros, Math.max(1, (now - intended) / 1000)));
        if (open) {
            service.recordValue(Math.min(highestMicros, Math.max(1, (now - sent) / 1000)));
        }
        if (status < 200 || status >= 400) {
            counters.statusError(status);
        }
    }

    void error(int errorClass) {
        countError(errorClass, System.nanoTime());
    }

    private void countError(int errorClass, long now) {
        if (started && now >= measureStartNanos) {
            counters.add(errorClass, 1);
        }
    }

    // ---- open model ---------------------------------------------------------------------------

    private void tick() {
        long now = System.nanoTime();
        long firstNew = Long.MAX_VALUE;
        long next = intendedTime(sequence);
        while (next <= now && next < endNanos) {
            // requests due within one resolution window go out together, timed from the window's start
            long window = next;
            firstNew = Math.min(firstNew, window);
            while (next < window + resolutionNanos && next < endNanos) {
                pending.add(window);
                next = intendedTime(++sequence);
            }
        }
        pump(now, firstNew);
        if (next < endNanos) {
            executor.schedule(tick, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        checkDrained(now);
    }

    private long intendedTime(long k) {
        return scheduleStartNanos + (long) (k * intervalNanos);
    }

    /**
     * Sends waiting requests on free connections, oldest first.
     *
     * @param firstNew the earliest intended time scheduled in this tick: requests intended from it
     *                 on found a connection at once, so their lag is the generator's own; earlier
     *                 ones waited for a busy connection (the server's lag)
     */
    private void pump(long now, long firstNew) {
        while (!pending.isEmpty() && !idle.isEmpty()) {
            Connection c = idle.pollFirst();
            long intended = pending.poll();
            if (intended >= measureStartNanos) {
                counters.add(LoopCounters.SENDS, 1);
                if (intended >= firstNew) {
                    long lag = now - intended;
                    counters.max(LoopCounters.MAX_LAG_NANOS, lag);
                    if (lag > lateNanos) {
                        counters.add(LoopCounters.LATE, 1);
                    }
                } else {
                    counters.add(LoopCounters.QUEUED, 1);
                }
            }
            c.send(intended, now);
        }
    }

    // ---- timeouts and the end -----------------------------------------------------------------

    private void sweep() {
        long now = System.nanoTime();
        for (Connection c : connections) {
            if (c.busy() && now - c.sentNanos() > timeoutNanos) {
                c.timedOut();
            }
        }
        if (now >= drainDeadlineNanos && !finished) {
            for (Connection c : connections) {
                if (c.busy()) {
                    c.timedOut();
                }
            }
            while (!pending.isEmpty()) {
                // never sent before the run ended: the user would have given up
                if (pending.poll() >= measureStartNanos) {
                    countError(LoopCounters.TIMEOUT, now);
                }
            }
            finish();
        }
        checkDrained(now);
    }

    private void checkDrained(long now) {
        if (finished || !started || now < endNanos || !pending.isEmpty()) {
            return;
        }
        for (Connection c : connections) {
            if (c.busy()) {
                return;
            }
        }
        finish();
    }

    private void finish() {
        finished = true;
        drained.countDown();
    }

    /** Closes every connection; call after {@link #drained()}. */
    void closeAll() {
        executor.execute(() -> {
            finished = true;
            for (Connection c : connections) {
                c.close();
            }
        });
    }
}
