package dev.stackbench.loadgen.ws;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.loadgen.Defaults;
import dev.stackbench.loadgen.GeneratorClock;
import dev.stackbench.loadgen.GeneratorEnvironment;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.OpenFileLimitException;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.Transport;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.HdrHistogram.Histogram;

/**
 * Runs one {@link WsSpec}: opens the connections (and a fan-out's publisher) before the load,
 * drives the warm-up and the measured interval, waits up to one timeout for the last replies or
 * deliveries, closes every connection with a close handshake and returns a {@link WsResult}.
 *
 * <p>The calling thread samples the run once a second (timeline, progress) and sleeps otherwise;
 * the event loops do the work. One instance runs once.
 */
public final class WsLoadGenerator {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final WsSpec spec;

    public WsLoadGenerator(WsSpec spec) {
        this.spec = spec;
    }

    /**
     * Checks that the process may open enough sockets for the connections (and a publisher's).
     *
     * @throws OpenFileLimitException with the limit, the number needed and how to raise it
     */
    public void checkOpenFileLimit() {
        int publishers = spec.pattern() instanceof WsPattern.FanOut f && f.publisher() instanceof Publisher.HttpPost p ? p.connections() : 1;
        // the HTTP engine owns the check; a spec with as many connections asks it the same question
        new LoadGenerator(LoadSpec.builder(URI.create("http://127.0.0.1/")).connections(spec.connections() + publishers).threads(1)
                .build()).checkOpenFileLimit();
    }

    /**
     * Runs the load and blocks until it is over: connecting (at most two timeouts), warm-up,
     * duration, at most one timeout of drain, at most {@link WsDefaults#CLOSE_TIMEOUT} or the timeout
     * (the longer) of closing.
     *
     * @throws OpenFileLimitException        when the open-file limit is too low for the connections
     * @throws UnknownHostException          when the target or the publisher's host does not resolve
     * @throws PublisherUnavailableException when a fan-out publisher opened no connection
     * @throws SSLException                  when no TLS client context can be built
     * @throws InterruptedException          when the calling thread is interrupted; the load is stopped
     */
    public WsResult run(ProgressListener listener) throws InterruptedException, UnknownHostException, SSLException {
        checkOpenFileLimit();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(spec.host()), spec.port());
        Transport transport = Transport.best();
        WsChannels channels = new WsChannels(transport, spec.headers(), spec.timeout().toMillis(),
                spec.message().sizeBytes(), spec.insecure());
        List<Thread> loopThreads = new CopyOnWriteArrayList<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new FastThreadLocalThread(r, "stackbench-ws-" + threadNumber.getAndIncrement());
            t.setDaemon(true);
            loopThreads.add(t);
            return t;
        };
        EventLoopGroup group = transport.group(spec.threads(), factory);
        // The publisher has an event loop of its own, so that a burst of deliveries never delays a publish.
        EventLoopGroup publisherGroup = spec.pattern() instanceof WsPattern.FanOut ? transport.group(1, factory) : null;
        List<WsLoop> loops = new ArrayList<>();
        PublisherRun publisher = null;
        try {
            long highestMicros = spec.duration().plus(spec.warmup()).plus(spec.timeout()).toNanos() / 1000 * 2;
            CountDownLatch attempts = new CountDownLatch(spec.connections());
            double echoRate = spec.pattern() instanceof WsPattern.Echo e && e.model() instanceof LoadModel.Open o ? o.ratePerSecond() : 0;
            int firstId = 0;
            for (int i = 0; i < spec.threads(); i++) {
                int count = spec.connections() / spec.threads() + (i < spec.connections() % spec.threads() ? 1 : 0);
                loops.add(new WsLoop(group.next(), channels, spec.target(), address, firstId, count, spec,
                        echoRate * count / spec.connections(), echoRate > 0 ? (long) (i * 1e9 / echoRate) : 0, highestMicros, attempts));
                firstId += count;
            }
            loops.forEach(WsLoop::connectAll);
            if (spec.pattern() instanceof WsPattern.FanOut f) {
                publisher = openPublisher(f.publisher(), publisherGroup, channels);
            }
            // Connections are open before the schedule starts, so that connecting is never latency.
            awaitAttempts(attempts);
            int open = (int) loops.stream().mapToLong(l -> l.counters().get(WsCounters.OPEN)).sum();
            if (open == 0) {
                return noConnections(loops, publisher, highestMicros);
            }
            return measure(loops, publisher, loopThreads, open, highestMicros, listener);
        } finally {
            closeAll(loops, publisher);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            if (publisherGroup != null) {
                publisherGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Waits until every connection attempt has an outcome, for as long as attempts keep completing:
     * thousands of connections at {@link WsDefaults#CONNECTS_IN_FLIGHT} at a time take as long as
     * the server needs, but a phase in which nothing completes for two timeouts (an attempt's
     * longest: TCP, then the upgrade) plus a second is given up.
     */
    private void awaitAttempts(CountDownLatch attempts) throws InterruptedException {
        long stallMillis = 2 * spec.timeout().toMillis() + 1_000;
        long left = attempts.getCount();
        while (left > 0 && !attempts.await(stallMillis, TimeUnit.MILLISECONDS)) {
            if (attempts.getCount() == left) {
                return;
            }
            left = attempts.getCount();
        }
    }

    private PublisherRun openPublisher(Publisher p, EventLoopGroup group, WsChannels channels)
            throws UnknownHostException, InterruptedException {
        URI url = p instanceof Publisher.Socket s ? (s.url() == null ? spec.target() : s.url()) : ((Publisher.HttpPost) p).url();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(WsSpec.host(url)), WsSpec.port(url));
        PublishTarget target = p instanceof Publisher.HttpPost post
                ? new HttpPublisher(channels, post, address, spec.message().kind())
                : new SocketPublisher(channels, url, address, spec.message().kind());
        PublisherRun run = new PublisherRun(group.next(), target, new MessageWriter(spec.message()));
        CountDownLatch ready = new CountDownLatch(1);
        run.executor().execute(() -> target.open(run, ready));
        if (!ready.await(2 * spec.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            throw new PublisherUnavailableException("publisher " + url + " did not open a connection within "
                    + 2 * spec.timeout().toMillis() + " ms");
        }
        String failure = failureOf(run, target);
        if (failure != null) {
            throw new PublisherUnavailableException("publisher " + url + " could not connect: " + failure);
        }
        return run;
    }

    private static String failureOf(PublisherRun run, PublishTarget target) throws InterruptedException {
        try {
            return run.executor().submit(target::failure).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "its event loop did not answer";
        }
    }

    private WsResult measure(List<WsLoop> loops, PublisherRun publisher, List<Thread> loopThreads, int open,
                             long highestMicros, ProgressListener listener) throws InterruptedException {
        long loadStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long measureStart = loadStart + spec.warmup().toNanos();
        long end = measureStart + spec.duration().toNanos();
        Schedule publish = spec.pattern() instanceof WsPattern.FanOut f ? new Schedule(loadStart, f.ratePerSecond()) : null;
        for (WsLoop l : loops) {
            l.start(loadStart, measureStart, end, publish);
        }
        if (publisher != null) {
            publisher.start(publish, measureStart, end);
        }
        for (long now = System.nanoTime(); now < measureStart; now = System.nanoTime()) {
            listener.warmingUp((now - loadStart) / 1e9, spec.warmup().toNanos() / 1e9);
            GeneratorClock.sleepUntil(Math.min(measureStart, now + SECOND));
        }

        listener.measureStarted();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = GeneratorClock.processCpuNanos();
        long[] loopCpuStart = loopThreads.stream().mapToLong(t -> threads.getThreadCpuTime(t.getId())).toArray();
        long wallStartMillis = System.currentTimeMillis();
        List<WsCounters> counters = counters(loops, publisher);
        WsSampler sampler = new WsSampler(loops, counters, highestMicros);
        List<IntervalSample> timeline = new ArrayList<>();
        long intervalStart = measureStart;
        long cpuEnd = 0;
        long[] loopCpuEnd = new long[0];
        while (true) {
            long intervalEnd = Math.min(end, intervalStart + SECOND);
            GeneratorClock.sleepUntil(intervalEnd);
            boolean last = intervalEnd >= end;
            if (last) {
                // the server monitor covers exactly the measured window, not the drain and the closing
                listener.measureEnded();
                cpuEnd = GeneratorClock.processCpuNanos();
                loopCpuEnd = loopThreads.stream().mapToLong(t -> threads.getThreadCpuTime(t.getId())).toArray();
                drain(loops, publisher, publish, open, measureStart, end);
            }
            IntervalSample sample = sampler.sample((intervalStart - measureStart) / 1e9, (intervalEnd - intervalStart) / 1e9,
                    wallStartMillis + (intervalStart - measureStart) / 1_000_000, wallStartMillis + (intervalEnd - measureStart) / 1_000_000);
            timeline.add(sample);
            listener.interval(sample, sampler.interval(), sampler.interval(), sampler.total().getValueAtPercentile(99));
            if (last) {
                break;
            }
            intervalStart = intervalEnd;
        }

        closeAll(loops, publisher); // the close handshakes' outcome is part of the result
        double measured = (end - measureStart) / 1e9;
        long sent = counters.stream().mapToLong(c -> c.get(WsCounters.SENT)).sum();
        long received = loops.stream().mapToLong(l -> l.counters().get(WsCounters.RECEIVED)).sum();
        Histogram lastDelivery = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        long incomplete = 0;
        long expected = sent;
        if (publisher != null) {
            expected = sent * open;
            incomplete = DeliveryBook.merge(loops.stream().map(WsLoop::book).toList(), publisher.published(), publish,
                    publisher.firstSequence(), open, lastDelivery);
        }
        GeneratorHealth health = health(counters, measured, (cpuEnd - cpuStart) / 1e9, GeneratorClock.maxLoopCpu(loopCpuStart, loopCpuEnd) / 1e9, sent);
        Histogram connect = connectHistogram(loops, highestMicros);
        Histogram latency = sampler.total();
        return new WsResult(spec, measured, open, sent, received, Math.max(0, expected - received),
                LatencySummary.of(latency), latency, LatencySummary.of(lastDelivery), lastDelivery, incomplete,
                LatencySummary.of(connect), connect, WsCounters.sum(counters), closedCleanly(loops, publisher),
                timeline, health, GeneratorEnvironment.current());
    }

    /**
     * Waits after the end until every expected reply or delivery arrived, or one timeout passed,
     * then stops the loops' recording (after which their books are final).
     */
    private void drain(List<WsLoop> loops, PublisherRun publisher, Schedule publish, int open, long measureStart, long end)
            throws InterruptedException {
        long deadline = end + spec.timeout().toNanos();
        long due = publish == null ? 0 : (publish.firstAtOrAfter(end) - publish.firstAtOrAfter(measureStart)) * open;
        while (System.nanoTime() < deadline) {
            long received = loops.stream().mapToLong(l -> l.counters().get(WsCounters.RECEIVED)).sum();
            long expected = publish == null ? loops.stream().mapToLong(l -> l.counters().get(WsCounters.SENT)).sum() : due;
            if (received >= expected) {
                break;
            }
            GeneratorClock.sleepUntil(System.nanoTime() + POLL_NANOS);
        }
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        loops.forEach(l -> done.add(l.finish()));
        if (publisher != null) {
            done.add(publisher.finish());
        }
        for (java.util.concurrent.Future<?> f : done) {
            try {
                f.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // a loop that does not answer within 5 s keeps what it recorded so far
            }
        }
    }

    private WsResult noConnections(List<WsLoop> loops, PublisherRun publisher, long highestMicros) {
        Histogram empty = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        List<WsCounters> counters = counters(loops, publisher);
        WsErrors errors = WsCounters.sum(counters);
        GeneratorHealth health = new GeneratorHealth(0, Runtime.getRuntime().availableProcessors(), 0, 0, 0, 0, 0, 0, 0, 0,
                List.of());
        return new WsResult(spec, 0, 0, 0, 0, 0, LatencySummary.of(empty), empty, LatencySummary.of(empty), empty, 0,
                LatencySummary.of(empty), empty, errors, 0, List.of(), health, GeneratorEnvironment.current());
    }

    private static List<WsCounters> counters(List<WsLoop> loops, PublisherRun publisher) {
        List<WsCounters> all = new ArrayList<>(loops.stream().map(WsLoop::counters).toList());
        if (publisher != null) {
            all.add(publisher.counters());
        }
        return all;
    }

    private static Histogram connectHistogram(List<WsLoop> loops, long highestMicros) {
        Histogram h = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        for (WsLoop l : loops) {
            h.add(l.connectRecorder().getIntervalHistogram());
        }
        return h;
    }

    private static long closedCleanly(List<WsLoop> loops, PublisherRun publisher) {
        return loops.stream().mapToLong(l -> l.counters().get(WsCounters.CLOSED_CLEANLY)).sum();
    }

    /** Close handshakes for every connection, bounded by the close timeout and a margin. */
    private void closeAll(List<WsLoop> loops, PublisherRun publisher) throws InterruptedException {
        java.time.Duration closeTimeout = WsLoop.closeTimeout(spec);
        loops.forEach(WsLoop::closeAll);
        CountDownLatch publisherClosed = new CountDownLatch(publisher == null ? 0 : 1);
        if (publisher != null) {
            publisher.executor().execute(() -> publisher.closeTarget(publisherClosed));
        }
        long deadline = System.nanoTime() + closeTimeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
        for (WsLoop l : loops) {
            l.closed().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        publisherClosed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private GeneratorHealth health(List<WsCounters> counters, double measured, double cpuSeconds, double busiestLoopSeconds,
                                   long sent) {
        int cpus = Runtime.getRuntime().availableProcessors();
        double processUtil = cpuSeconds / (measured * cpus);
        double loopUtil = busiestLoopSeconds / measured;
        double target = spec.pattern() instanceof WsPattern.FanOut f ? f.ratePerSecond()
                : spec.pattern() instanceof WsPattern.Echo e && e.model() instanceof LoadModel.Open o ? o.ratePerSecond() : 0;
        long late = counters.stream().mapToLong(c -> c.get(WsCounters.LATE)).sum();
        long queued = counters.stream().mapToLong(c -> c.get(WsCounters.QUEUED)).sum();
        long maxLagMicros = counters.stream().mapToLong(c -> c.get(WsCounters.MAX_LAG_NANOS)).max().orElse(0) / 1000;
        List<String> warnings = new ArrayList<>();
        String cpuSet = GeneratorEnvironment.current().generatorCpus();
        if (processUtil >= Defaults.SATURATED_CPU) {
            warnings.add(String.format(Locale.ROOT, "the generator's CPUs were %.0f%% busy (%d CPU%s: %s): it may have been "
                    + "the bottleneck, not the server; give it more CPUs", processUtil * 100, cpus, cpus == 1 ? "" : "s", cpuSet));
        } else if (loopUtil >= Defaults.SATURATED_CPU && spec.threads() < cpus) {
            warnings.add(String.format(Locale.ROOT, "an event loop was %.0f%% busy while the generator had %d CPUs: "
                    + "add threads (-t, now %d)", loopUtil * 100, cpus, spec.threads()));
        }
        if (target > 0 && sent > 0 && (double) late / sent > Defaults.LATE_FRACTION) {
            warnings.add(String.format(Locale.ROOT, "%d of %d sends (%.1f%%) left more than %d ms behind schedule "
                            + "(largest lag %s): the generator could not keep the rate, and its delay is included in the latencies",
                    late, sent, 100.0 * late / sent, Defaults.LATE_SEND.toMillis(), DurationFormat.micros(maxLagMicros)));
        }
        return new GeneratorHealth(cpuSeconds, cpus, processUtil, loopUtil, target, sent / measured, sent, late, queued,
                maxLagMicros, warnings);
    }
}
