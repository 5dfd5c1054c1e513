package dev.stackbench.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs one {@link LoadSpec}: opens the connections, drives the load for the warm-up and the
 * measured interval, drains what is in flight, and returns a {@link LoadResult}.
 *
 * <p>The calling thread samples the run once a second (timeline, progress) and sleeps otherwise;
 * the event loops do the sending. One instance runs once.
 */
public final class LoadGenerator {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** File descriptors the JVM and Netty hold besides the sockets. */
    private static final int SPARE_FILES = 128;

    private final LoadSpec spec;
    private final Platform platform;

    public LoadGenerator(LoadSpec spec) {
        this(spec, Path.of("/proc"));
    }

    LoadGenerator(LoadSpec spec, Path procRoot) {
        this.spec = spec;
        this.platform = new Platform(procRoot);
    }

    /** @return where this generator runs */
    public GeneratorEnvironment environment() {
        return new GeneratorEnvironment(System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                platform.cpuModel(), onlineCpus(), platform.allowedCpus(), Transport.best().label());
    }

    /**
     * Checks that the process may open enough sockets.
     *
     * @throws OpenFileLimitException with the limit, the number needed and how to raise it
     */
    public void checkOpenFileLimit() {
        long needed = (long) spec.connections() + SPARE_FILES;
        platform.openFileLimits().ifPresent(l -> {
            if (l[0] < needed) {
                throw new OpenFileLimitException(spec.connections(), needed, l[0], l[1]);
            }
        });
    }

    /**
     * Runs the load and blocks until it is over (warm-up + duration + at most one timeout of drain).
     *
     * @throws OpenFileLimitException   when the open-file limit is too low for the connections
     * @throws UnknownHostException     when the target host does not resolve
     * @throws InterruptedException     when the calling thread is interrupted; the load is stopped
     */
    public LoadResult run(ProgressListener listener) throws InterruptedException, UnknownHostException {
        checkOpenFileLimit();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(spec.host()), spec.port());
        Transport transport = Transport.best();
        List<Thread> loopThreads = new CopyOnWriteArrayList<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new FastThreadLocalThread(r, "stackbench-loop-" + threadNumber.getAndIncrement());
            t.setDaemon(true);
            loopThreads.add(t);
            return t;
        };
        EventLoopGroup group = transport.group(spec.threads(), factory);
        List<Loop> loops = new ArrayList<>();
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.channel())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, spec.timeout().toMillis()));
            EncodedRequests requests = new EncodedRequests(spec);
            CountDownLatch firstAttempts = new CountDownLatch(spec.connections());
            double ratePerLoop = spec.model() instanceof LoadModel.Open open ? open.ratePerSecond() / spec.threads() : 0;
            long highestMicros = highestMicros();
            for (int i = 0; i < spec.threads(); i++) {
                int count = spec.connections() / spec.threads() + (i < spec.connections() % spec.threads() ? 1 : 0);
                loops.add(new Loop(group.next(), bootstrap, address, requests, count, spec, ratePerLoop, highestMicros, firstAttempts));
            }
            loops.forEach(Loop::connectAll);
            // Connections are opened before the schedule starts, as wrk2 does, so that connecting is
            // not counted as latency. Failed ones keep retrying and count as connect errors.
            firstAttempts.await(Math.max(5_000, spec.timeout().toMillis()), TimeUnit.MILLISECONDS);
            return measure(loops, loopThreads, listener);
        } finally {
            loops.forEach(Loop::closeAll);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private LoadResult measure(List<Loop> loops, List<Thread> loopThreads, ProgressListener listener) throws InterruptedException {
        long loadStart = System.nanoTime();
        long measureStart = loadStart + spec.warmup().toNanos();
        long end = measureStart + spec.duration().toNanos();
        loops.forEach(l -> l.start(loadStart, measureStart, end));

        for (long now = System.nanoTime(); now < measureStart; now = System.nanoTime()) {
            listener.warmingUp((now - loadStart) / 1e9, spec.warmup().toNanos() / 1e9);
            sleepUntil(Math.min(measureStart, now + SECOND));
        }

        listener.measureStarted();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = processCpuNanos();
        long[] loopCpuStart = loopThreads.stream().mapToLong(t -> threads.getThreadCpuTime(t.getId())).toArray();
        long wallStartMillis = System.currentTimeMillis();

        Sampler sampler = new Sampler(loops, spec.model() instanceof LoadModel.Open, highestMicros());
        List<IntervalSample> timeline = new ArrayList<>();
        long intervalStart = measureStart;
        long cpuEnd = 0;
        long[] loopCpuEnd = new long[0];
        while (true) {
            long intervalEnd = Math.min(end, intervalStart + SECOND);
            sleepUntil(intervalEnd);
            boolean last = intervalEnd >= end;
            if (last) {
                cpuEnd = processCpuNanos();
                loopCpuEnd = loopThreads.stream().mapToLong(t -> threads.getThreadCpuTime(t.getId())).toArray();
                for (Loop l : loops) {
                    // wait for what is in flight; each loop gives up at end + timeout
                    l.drained().await(spec.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
                }
            }
            IntervalSample sample = sampler.sample((intervalStart - measureStart) / 1e9, (intervalEnd - intervalStart) / 1e9,
                    wallStartMillis + (intervalStart - measureStart) / 1_000_000, wallStartMillis + (intervalEnd - measureStart) / 1_000_000);
            timeline.add(sample);
            listener.interval(sample, sampler.intervalLatency(), sampler.intervalService(), sampler.totalLatency().getValueAtPercentile(99));
            if (last) {
                break;
            }
            intervalStart = intervalEnd;
        }

        double measured = (end - measureStart) / 1e9;
        Histogram latency = sampler.totalLatency();
        Histogram service = spec.model() instanceof LoadModel.Open ? sampler.totalService() : latency;
        long requests = latency.getTotalCount();
        GeneratorHealth health = health(loops, measured, (cpuEnd - cpuStart) / 1e9, maxLoopCpu(loopCpuStart, loopCpuEnd) / 1e9, requests);
        long bytes = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.BYTES)).sum();
        return new LoadResult(spec, measured, requests, bytes, LatencySummary.of(latency), LatencySummary.of(service),
                latency, service, LoopCounters.sum(loops.stream().map(Loop::counters).toList()), timeline, health, environment());
    }

    /**
     * @return the largest latency the histograms track, microseconds: in open model a request may
     *         wait for a connection for the whole run before its own timeout starts
     */
    private long highestMicros() {
        return spec.duration().plus(spec.warmup()).plus(spec.timeout()).toNanos() / 1000 * 2;
    }

    private GeneratorHealth health(List<Loop> loops, double measured, double cpuSeconds, double busiestLoopSeconds, long requests) {
        int cpus = Runtime.getRuntime().availableProcessors();
        double processUtil = cpuSeconds / (measured * cpus);
        double loopUtil = busiestLoopSeconds / measured;
        double target = spec.model() instanceof LoadModel.Open open ? open.ratePerSecond() : 0;
        double achieved = requests / measured;
        long sends = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.SENDS)).sum();
        long late = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.LATE)).sum();
        long queued = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.QUEUED)).sum();
        long maxLagMicros = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.MAX_LAG_NANOS)).max().orElse(0) / 1000;
        List<String> warnings = new ArrayList<>();
        if (processUtil >= Defaults.SATURATED_CPU) {
            warnings.add(String.format(Locale.ROOT, "the generator's CPUs were %.0f%% busy (%d CPU%s: %s): it may have been "
                            + "the bottleneck, not the server; give it more CPUs, or compare with fewer connections",
                    processUtil * 100, cpus, cpus == 1 ? "" : "s", platform.allowedCpus()));
        } else if (loopUtil >= Defaults.SATURATED_CPU && spec.threads() < cpus) {
            warnings.add(String.format(Locale.ROOT, "an event loop was %.0f%% busy while the generator had %d CPUs: "
                    + "add threads (-t, now %d)", loopUtil * 100, cpus, spec.threads()));
        }
        if (target > 0 && sends > 0 && (double) late / sends > Defaults.LATE_FRACTION) {
            warnings.add(String.format(Locale.ROOT, "%d of %d sends (%.1f%%) left more than %d ms behind schedule although a "
                            + "connection was free (largest lag %.1f ms): the generator could not keep the rate, and its delay "
                            + "is included in the latencies", late, sends, 100.0 * late / sends, Defaults.LATE_SEND.toMillis(),
                    maxLagMicros / 1000.0));
        }
        return new GeneratorHealth(cpuSeconds, cpus, processUtil, loopUtil, target, achieved, sends, late, queued, maxLagMicros, warnings);
    }

    private static long maxLoopCpu(long[] start, long[] end) {
        long max = 0;
        for (int i = 0; i < Math.min(start.length, end.length); i++) {
            max = Math.max(max, end[i] - start[i]);
        }
        return max;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static int onlineCpus() {
        try {
            return (int) java.nio.file.Files.list(Path.of("/sys/devices/system/cpu"))
                    .filter(p -> p.getFileName().toString().matches("cpu\\d+")).count();
        } catch (java.io.IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("load generator interrupted");
            }
        }
    }
}
