package dev.stackbench.loadgen.ws;

import dev.stackbench.loadgen.Defaults;
import io.netty.channel.EventLoop;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out publisher's schedule: message {@code k} is due at its intended time and goes to the
 * {@link PublishTarget}; which messages of the measured interval went out, and how late, is
 * counted here. Runs on one event loop.
 */
final class PublisherRun {
    private final EventLoop executor;
    private final PublishTarget target;
    private final MessageWriter writer;
    private final WsCounters counters = new WsCounters();
    private final long lateNanos = Defaults.LATE_SEND.toNanos();
    private final Runnable tick = this::tick;
    private Schedule schedule;
    private long measureStartNanos;
    private long endNanos;
    private long firstSequence;
    private boolean[] published = new boolean[0];
    private long sequence;
    private boolean finished;

    PublisherRun(EventLoop executor, PublishTarget target, MessageWriter writer) {
        this.executor = executor;
        this.target = target;
        this.writer = writer;
    }

    EventLoop executor() { return executor; }
    MessageWriter writer() { return writer; }
    WsCounters counters() { return counters; }
    /** @return which messages of the interval were sent, from {@link #firstSequence()}; final after {@link #finish()} */
    boolean[] published() { return published; }
    long firstSequence() { return firstSequence; }

    /** Starts publishing on {@code schedule}; messages intended in {@code [measureStart, end)} are counted. */
    void start(Schedule schedule, long measureStartNanos, long endNanos) {
        executor.execute(() -> {
            this.schedule = schedule;
            this.measureStartNanos = measureStartNanos;
            this.endNanos = endNanos;
            this.firstSequence = schedule.firstAtOrAfter(measureStartNanos);
            this.published = new boolean[(int) (schedule.firstAtOrAfter(endNanos) - firstSequence)];
            tick();
        });
    }

    private void tick() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        long next = schedule.intended(sequence);
        while (next <= now && next < endNanos) {
            target.publish(sequence, next, now);
            next = schedule.intended(++sequence);
        }
        if (next < endNanos) {
            executor.schedule(tick, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Message {@code sequence} went out at {@code nowNanos}; {@code queued} when it waited for a busy connection. */
    void sent(long sequence, long intendedNanos, long nowNanos, boolean queued) {
        if (intendedNanos < measureStartNanos || intendedNanos >= endNanos || finished) {
            return;
        }
        published[(int) (sequence - firstSequence)] = true;
        counters.add(WsCounters.SENT, 1);
        if (queued) {
            counters.add(WsCounters.QUEUED, 1);
        } else {
            long lag = nowNanos - intendedNanos;
            counters.max(WsCounters.MAX_LAG_NANOS, lag);
            if (lag > lateNanos) {
                counters.add(WsCounters.LATE, 1);
            }
        }
    }

    /** Message {@code sequence} could not be sent. */
    void failed(long sequence, long intendedNanos) {
        if (intendedNanos >= measureStartNanos && intendedNanos < endNanos && !finished) {
            counters.add(WsCounters.PUBLISH_FAILED, 1);
        }
    }

    /** Closes the target's connections; {@code closed} counts down when done. Publisher's loop only. */
    void closeTarget(java.util.concurrent.CountDownLatch closed) {
        target.close(closed);
    }

    /** Stops: what still waits is given up; once the future is done, {@link #published()} is final. */
    Future<?> finish() {
        return executor.submit(() -> {
            target.abandon();
            finished = true;
        });
    }
}
