package dev.stackbench.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One event loop's share of the load: its connections, its part of the open-model schedule, its
 * latency recorders and counters. Every method except the readers of {@link LoopRecorders} and
 * {@link LoopCounters} runs on the loop's own thread.
 *
 * <p>Timing: all times are {@link System#nanoTime()}. The measured window is
 * {@code [measureStart, end)}; nothing is sent from {@code end} on.
 * <ul>
 *   <li>Per request (latency histograms, errors): a request counts when it was intended inside the
 *       window, whenever its outcome came (requests in flight at the end are drained for at most one
 *       timeout). Latency is {@code response - intended}, service time {@code response - actual send},
 *       microseconds. A timeout is recorded censored at {@code sent + timeout - intended}; a request
 *       still waiting at the end (queued, never sent) is unsent, recorded censored at
 *       {@code end - intended}.</li>
 *   <li>Per time (throughput, achieved, timeline): a response counts in the window when it completed
 *       inside it and, in the open model, its request was intended inside it too. A backlog of the
 *       warm-up that the server answers after the window's start is the warm-up's, so the achieved
 *       count never exceeds the window's intended count; in the closed model, which has no schedule,
 *       a request sent just before the start (at most one per connection) balances the one in flight
 *       at the end, as in wrk. A stage of a rate schedule counts the same way within its own span.</li>
 * </ul>
 */
final class Loop {
    private final EventLoop executor;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final EncodedRequests requests;
    private final java.util.SplittableRandom random;
    // per kind, only for a mix (one kind's figures are the totals)
    private final LoopCounters[] kindCounters;
    private final int requestSize;
    // the request slots: one per connection over HTTP/1.1, one per stream over HTTP/2
    private RequestSlot[] connections;
    private int connectionCount;
    private final int maxConnections;
    private final Wire wire;
    private final int streams;
    private int channels; // connections (HTTP/2: each carries `streams` slots)
    // TLS handshakes of the whole run (warm-up, reconnects), microseconds; rare, so guarded by this loop
    private final Histogram handshakes;
    private final boolean open;
    private final long timeoutNanos;
    private final long lateNanos;
    private final long hiccupNanos;
    private final LoopRecorders recorders;
    private final LoopCounters counters = new LoopCounters();
    private final CountDownLatch firstAttempts;
    private final CountDownLatch windowEnded = new CountDownLatch(1);
    private final CountDownLatch drained = new CountDownLatch(1);

    // Timings: the schedule is fixed by start(), the window by window() (both on this thread).
    private boolean started;
    private long measureStartNanos = Long.MAX_VALUE;
    private long endNanos = Long.MAX_VALUE;
    private long drainDeadlineNanos = Long.MAX_VALUE;
    private boolean windowClosed;
    private boolean finished;

    // Open model: the schedule and the requests waiting for a free connection.
    private final Pacer pacer;
    private final long phaseNanos;
    private final long resolutionNanos;
    // Rate schedule: each stage's end (nanoTime, set with the window) and its per-time counts (by
    // completion time), read only after the loop drained
    private final long[] stageLengths;
    private final long[] stageEnds;
    private final long[] stageCompletions;
    private final long[] stageErrors;
    private final ArrayDeque<RequestSlot> idle = new ArrayDeque<>();
    private final LongQueue pending = new LongQueue();
    private final Runnable tick = this::tick;

    // Hiccup probe: a tick every hiccupNanos; its lateness is this loop's own.
    private long hiccupStartNanos;
    private long hiccupTicks;
    private int opening; // connections being opened (first time or again)
    // Open model: while requests wait and the loop has been on schedule for a while, the pool grows towards what
    // Little's law says the rate needs, rate x service time (an exponential moving average) x
    // POOL_HEADROOM, at most doubling per service time. Waiting alone is no reason: after a stall of
    // the generator itself, the existing connections catch up faster than thousands of new ones
    // could be opened.
    private static final double POOL_HEADROOM = 1.25;
    /** The pool grows only when this loop has not been late by more than GROWTH_LATE (ticks and hiccup
     *  probe) for GROWTH_QUIET: a starved generator would size the pool from its own delays and spiral. */
    private static final long GROWTH_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long GROWTH_LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private long lastLateNanos = Long.MIN_VALUE / 2;
    private double serviceEwmaNanos = TimeUnit.MILLISECONDS.toNanos(1);
    private long lastGrowthNanos = Long.MIN_VALUE / 2;

    /**
     * @param wire            how connections speak: TLS or not, HTTP/1.1 or HTTP/2 (and its streams per connection)
     * @param connectionCount connections opened before the load starts
     * @param maxConnections  open model: the pool grows on demand up to this many
     * @param ratePerSecond   open model: this loop's share of the rate; 0 in closed model
     * @param share           open model: this loop's fraction of the rate; 0 in closed model
     * @param phaseNanos      open model: this loop's schedule starts this long after the load's start
     * @param random          this loop's own seeded random
     */
    Loop(EventLoop executor, Bootstrap bootstrap, InetSocketAddress address, EncodedRequests requests, Wire wire,
         int connectionCount, int maxConnections, LoadSpec spec, double share, long phaseNanos,
         long highestMicros, CountDownLatch firstAttempts, java.util.SplittableRandom random) {
        this.executor = executor;
        this.bootstrap = bootstrap.clone(executor);
        this.address = address;
        this.requests = requests;
        this.wire = wire;
        this.streams = wire.streams();
        this.handshakes = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        this.random = random;
        this.requestSize = requests.maxLength();
        this.open = share > 0 && spec.model() instanceof LoadModel.Open;
        this.pacer = open ? new Pacer((LoadModel.Open) spec.model(), share, random) : null;
        int stages = open ? ((LoadModel.Open) spec.model()).stages().size() : 0;
        this.stageLengths = open ? ((LoadModel.Open) spec.model()).stages().stream().mapToLong(st -> st.length().toNanos()).toArray() : new long[0];
        this.stageEnds = new long[stages];
        this.stageCompletions = new long[stages];
        this.stageErrors = new long[stages];
        this.kindCounters = new LoopCounters[requests.kinds() > 1 ? requests.kinds() : 0];
        for (int k = 0; k < kindCounters.length; k++) {
            kindCounters[k] = new LoopCounters();
        }
        this.phaseNanos = phaseNanos;
        this.resolutionNanos = Math.max(1, spec.resolution().toNanos());
        this.timeoutNanos = spec.timeout().toNanos();
        this.lateNanos = Defaults.LATE_SEND.toNanos();
        this.hiccupNanos = Defaults.HICCUP_PERIOD.toNanos();
        this.recorders = new LoopRecorders(highestMicros, requests.kinds(), stages);
        this.firstAttempts = firstAttempts;
        this.maxConnections = (open ? Math.max(connectionCount, maxConnections) : connectionCount) * streams;
        this.connections = new RequestSlot[Math.max(1, connectionCount * streams)];
        for (int i = 0; i < connectionCount; i++) {
            addConnection(false);
        }
    }

    /**
     * Adds one connection's slots (HTTP/1.1: one; HTTP/2: its streams).
     *
     * @param connect whether to open it now
     * @return the slots added
     */
    private int addConnection(boolean connect) {
        if (connectionCount + streams > connections.length) {
            connections = Arrays.copyOf(connections, Math.max(connectionCount + streams, Math.min(maxConnections, connections.length * 2)));
        }
        int first = connectionCount;
        if (wire.h2() == null) {
            ByteBuf out = Unpooled.directBuffer(requestSize, requestSize);
            connections[connectionCount++] = new Connection(this, out);
        } else {
            for (H2Stream s : new H2Connection(this, streams).streams()) {
                connections[connectionCount++] = s;
            }
        }
        counters.max(LoopCounters.PEAK_CONNECTIONS, ++channels);
        if (connect) {
            for (int i = first; i < connectionCount; i++) {
                connections[i].connect();
            }
        }
        return connectionCount - first;
    }

    EventLoop executor() { return executor; }
    Wire wire() { return wire; }
    Bootstrap bootstrap() { return bootstrap; }
    InetSocketAddress address() { return address; }
    EncodedRequests requests() { return requests; }
    LoopCounters counters() { return counters; }
    /** @return kind {@code k}'s counters (for a mix; one kind's are {@link #counters()}) */
    LoopCounters kindCounters(int k) { return kindCounters.length == 0 ? counters : kindCounters[k]; }
    java.util.SplittableRandom random() { return random; }
    /** @return stage {@code s}'s completions inside it of requests intended inside it; read after {@link #drained()} */
    long stageCompletions(int s) { return stageCompletions[s]; }
    /** @return stage {@code s}'s errors (requests intended in it); read after {@link #drained()} */
    long stageErrors(int s) { return stageErrors[s]; }
    LoopRecorders recorders() { return recorders; }
    /** Counts down once this loop has closed the window: what it recorded up to the end is in {@link LoopRecorders#atEnd()}. */
    CountDownLatch windowEnded() { return windowEnded; }
    /** Counts down once every request is answered or abandoned after the end. */
    CountDownLatch drained() { return drained; }

    /** Records one completed TLS handshake, from the TCP connect to its end; any thread of the run. */
    synchronized void handshake(long nanos) {
        handshakes.recordValue(Math.min(handshakes.getHighestTrackableValue(), Math.max(1, nanos / 1000)));
    }

    /** Adds the TLS handshakes so far (microseconds) into {@code into}. */
    synchronized void addHandshakesTo(Histogram into) {
        into.add(handshakes);
    }

    /** Opens every connection; each slot counts {@code firstAttempts} down once, success or not. */
    void connectAll() {
        executor.execute(() -> {
            for (int i = 0; i < connectionCount; i++) {
                connections[i].connect();
            }
        });
    }

    /**
     * Starts sending; nothing is recorded until {@link #window} sets the measured window. Called
     * once, from any thread.
     *
     * @param loadStartNanos when the schedule starts (warm-up included)
     */
    void start(long loadStartNanos) {
        executor.execute(() -> {
            this.started = true;
            if (open) {
                pacer.start(loadStartNanos + phaseNanos);
            }
            long sweep = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(100), timeoutNanos / 20));
            executor.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.NANOSECONDS);
            hiccupStartNanos = System.nanoTime() + hiccupNanos;
            // fixed rate: after a stall the missed ticks run at once, each recording its own lateness,
            // so a stall is counted as often as a tick was due (no coordinated omission in the probe)
            executor.scheduleAtFixedRate(this::hiccup, hiccupNanos, hiccupNanos, TimeUnit.NANOSECONDS);
            long now = System.nanoTime();
            for (int i = 0; i < connectionCount; i++) {
                RequestSlot c = connections[i];
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

    /**
     * Sets the measured window; called once, from any thread, before {@code measureStartNanos}.
     * At {@code endNanos} this loop stops sending, records what is still waiting as unsent and
     * closes the window ({@link #windowEnded()}).
     */
    void window(long measureStartNanos, long endNanos) {
        executor.execute(() -> {
            this.measureStartNanos = measureStartNanos;
            this.endNanos = endNanos;
            this.drainDeadlineNanos = endNanos + timeoutNanos;
            if (open) {
                pacer.window(measureStartNanos);
            }
            long at = measureStartNanos;
            for (int i = 0; i < stageEnds.length; i++) {
                at += stageLengths[i];
                stageEnds[i] = at;
            }
            executor.schedule(this::closeWindow, Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        });
    }

    /**
     * Ends the window early, at {@code endNanos} (a threshold failed): sends stop then, what waits is
     * unsent and what is in flight drains as at a normal end. Called from any thread, after {@link #window}.
     */
    void endEarly(long endNanos) {
        executor.execute(() -> {
            if (windowClosed || endNanos >= this.endNanos) {
                return;
            }
            this.endNanos = endNanos;
            this.drainDeadlineNanos = endNanos + timeoutNanos;
            executor.schedule(this::closeWindow, Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        });
    }

    /** @return the stage of a request intended at {@code intended}, or -1 without a schedule (or outside the window) */
    private int stageOf(long intended) {
        if (stageEnds.length == 0 || intended < measureStartNanos) {
            return -1;
        }
        int i = 0;
        while (i + 1 < stageEnds.length && intended >= stageEnds[i]) {
            i++;
        }
        return i;
    }

    /** @return whether connections should (re)connect: before the end of the drain */
    boolean acceptsConnections() {
        return !finished;
    }

    // ---- events from connections -------------------------------------------------------------

    /** A connection starts opening a channel. */
    void connecting() {
        opening++;
    }

    /** A connect succeeded after the run ended; the channel is closed. */
    void connectAbandoned() {
        opening--;
    }

    void connected(RequestSlot c) {
        opening--;
        if (!started) {
            firstAttempts.countDown();
            return;
        }
        idle(c);
    }

    /**
     * @param counted whether it counts as a connect error: an HTTP/2 connection's failure counts once,
     *                for its first slot, though each of its slots hears of it
     */
    void connectFailed(RequestSlot c, boolean counted) {
        opening--;
        if (!started) {
            firstAttempts.countDown();
            return;
        }
        long now = System.nanoTime();
        if (counted && inWindow(now)) {
            counters.add(LoopCounters.CONNECT, 1);
        }
    }

    void disconnected(RequestSlot c) {
        if (open) {
            idle.remove(c);
        }
        checkDrained(System.nanoTime());
    }

    /** A connection is free for the next request. */
    void idle(RequestSlot c) {
        if (!started) {
            return;
        }
        long now = System.nanoTime();
        if (open) {
            idle.addLast(c);
            if (now < endNanos) {
                pump(now, Long.MAX_VALUE);
            }
        } else if (now < endNanos) {
            sendClosed(c, now);
        }
        checkDrained(now);
    }

    private void sendClosed(RequestSlot c, long now) {
        if (now >= measureStartNanos) {
            counters.add(LoopCounters.SENDS, 1);
        }
        c.send(now, now);
    }

    void bytesRead(int n) {
        if (started && inWindow(System.nanoTime())) {
            counters.add(LoopCounters.BYTES, n);
        }
    }

    /** A complete response to a request of kind {@code kind}. */
    void responded(long intended, long sent, int status, int kind) {
        if (!started) {
            return;
        }
        long now = System.nanoTime();
        closeWindowIfDue(now);
        counters.add(LoopCounters.RESPONSES, 1);
        boolean passing = status >= 200 && status < 400;
        int stage = stageOf(intended);
        if (inWindow(now) && (!open || intended >= measureStartNanos)) {
            counters.add(LoopCounters.COMPLETIONS, 1);
            if (passing) {
                counters.add(LoopCounters.SUCCESSES, 1);
            }
            if (kindCounters.length > 0) {
                kindCounters[kind].add(LoopCounters.COMPLETIONS, 1);
                if (passing) {
                    kindCounters[kind].add(LoopCounters.SUCCESSES, 1);
                }
            }
            if (stage >= 0 && now < stageEnds[stage]) {
                stageCompletions[stage]++;
            }
        }
        if (intended < measureStartNanos) {
            return;
        }
        serviceEwmaNanos += ((now - sent) - serviceEwmaNanos) / 16;
        recorders.response(kind, stage, passing, now - intended, open ? now - sent : -1);
        if (!passing) {
            counters.statusError(status);
            if (kindCounters.length > 0) {
                kindCounters[kind].statusError(status);
            }
            if (stage >= 0) {
                stageErrors[stage]++;
            }
        }
    }

    /** The request of kind {@code kind} in flight on a connection failed in {@code errorClass}; a timeout is recorded censored. */
    void failed(int errorClass, long intended, long sent, int kind) {
        if (!started || intended < measureStartNanos) {
            return;
        }
        closeWindowIfDue(System.nanoTime());
        counters.add(errorClass, 1);
        if (kindCounters.length > 0) {
            kindCounters[kind].add(errorClass, 1);
        }
        int stage = stageOf(intended);
        if (stage >= 0) {
            stageErrors[stage]++;
        }
        if (errorClass == LoopCounters.TIMEOUT) {
            // the user waited at least this long; the sweep notices only a little later
            recorders.censored(kind, stage, sent + timeoutNanos - intended);
        }
    }

    private boolean inWindow(long now) {
        return now >= measureStartNanos && now < endNanos;
    }

    // ---- open model ---------------------------------------------------------------------------

    private void tick() {
        if (windowClosed) {
            return; // closeWindow() accounted for what was due
        }
        long now = System.nanoTime();
        long firstNew = Long.MAX_VALUE;
        long fresh = 0;
        long next = pacer.peek();
        while (next <= now && next < endNanos) {
            // requests due within one resolution window go out together, timed from the window's start
            long window = next;
            firstNew = Math.min(firstNew, window);
            while (next < window + resolutionNanos && next < endNanos) {
                pending.add(window);
                fresh++;
                pacer.advance();
                next = pacer.peek();
            }
        }
        pump(now, firstNew);
        if (!pending.isEmpty()) {
            // a tick that runs late is the generator's own lag: more connections would not help, and
            // opening them would cost the lagging loop more (a late loop also reads responses late,
            // which inflates the service time the pool is sized from)
            if (fresh > 0 && now - firstNew > GROWTH_LATE_NANOS) {
                lastLateNanos = now;
            }
            boolean punctual = fresh > 0 && now - lastLateNanos > GROWTH_QUIET_NANOS;
            grow(Math.min(fresh, pending.size()), now, punctual);
        }
        if (next < endNanos) {
            executor.schedule(tick, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        checkDrained(now);
    }

    /**
     * Requests are waiting with no free connection: opens connections for them while the pool is
     * under what the rate needs and under its cap; at the cap, counts the fresh ones among them as
     * limited by the pool.
     */
    private void grow(long freshWaiting, long now, boolean punctual) {
        // connections that are down reconnect on their own; they count as opening
        int wanted = pending.size() - opening;
        long needed = (long) Math.ceil(pacer.loopRatePerNano(now) * serviceEwmaNanos * POOL_HEADROOM) + 1;
        if (punctual && wanted > 0 && connectionCount < needed && now - lastGrowthNanos >= serviceEwmaNanos) {
            int growth = (int) Math.min(Math.min(wanted, needed - connectionCount),
                    Math.min(maxConnections - connectionCount, Math.max(1, connectionCount)));
            if (growth > 0) {
                lastGrowthNanos = now;
            }
            for (int added = 0; added < growth; ) {
                added += addConnection(true);
            }
            wanted -= growth;
        }
        if (wanted > 0 && connectionCount >= maxConnections && now >= measureStartNanos) {
            counters.add(LoopCounters.CAPPED, Math.min(freshWaiting, wanted));
        }
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
            RequestSlot c = idle.pollFirst();
            long intended = pending.poll();
            if (intended >= measureStartNanos) {
                counters.add(LoopCounters.SENDS, 1);
                if (intended >= firstNew) {
                    long lag = now - intended;
                    counters.max(LoopCounters.MAX_LAG_NANOS, lag);
                    recorders.sendLag(lag);
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

    // ---- self-health --------------------------------------------------------------------------

    private void hiccup() {
        long now = System.nanoTime();
        long due = hiccupStartNanos + hiccupTicks++ * hiccupNanos;
        if (now - due > GROWTH_LATE_NANOS) {
            lastLateNanos = now;
        }
        if (inWindow(now)) {
            recorders.hiccup(Math.max(0, now - due));
        }
    }

    // ---- timeouts and the end -----------------------------------------------------------------

    /**
     * Closes the window before anything after its end is recorded, even when this loop reaches the
     * end (scheduled) a little late: the window's last interval then holds only what happened in it.
     */
    private void closeWindowIfDue(long now) {
        if (now >= endNanos && !windowClosed) {
            closeWindow();
        }
    }

    /** At the window's end: sends stop; what is still waiting is unsent, recorded at its wait so far. */
    private void closeWindow() {
        if (windowClosed) {
            return;
        }
        long end = endNanos;
        while (!pending.isEmpty()) {
            unsent(pending.poll(), end);
        }
        if (open) {
            // due before the end, but this loop had not got to them yet (its tick came late)
            for (long next = pacer.peek(); next < end; pacer.advance(), next = pacer.peek()) {
                unsent(next, end);
            }
        }
        windowClosed = true;
        counters.snapshotAtEnd();
        recorders.takeAtEnd();
        windowEnded.countDown();
        checkDrained(System.nanoTime());
    }

    private void unsent(long intended, long end) {
        if (intended >= measureStartNanos) {
            counters.add(LoopCounters.UNSENT, 1);
            // never sent, so of no kind yet: it gets one by weight, as its send would have drawn
            int kind = requests.drawKind(random);
            if (kindCounters.length > 0) {
                kindCounters[kind].add(LoopCounters.UNSENT, 1);
            }
            recorders.censored(kind, stageOf(intended), end - intended);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (int i = 0; i < connectionCount; i++) {
            RequestSlot c = connections[i];
            if (c.busy() && now - c.sentNanos() > timeoutNanos) {
                c.timedOut();
            }
        }
        if (now >= drainDeadlineNanos && windowClosed && !finished) {
            for (int i = 0; i < connectionCount; i++) {
                if (connections[i].busy()) {
                    connections[i].timedOut();
                }
            }
            finish();
        }
        checkDrained(now);
    }

    private void checkDrained(long now) {
        if (finished || !windowClosed || !pending.isEmpty()) {
            return;
        }
        for (int i = 0; i < connectionCount; i++) {
            if (connections[i].busy()) {
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
            for (int i = 0; i < connectionCount; i++) {
                connections[i].close();
            }
        });
    }
}
