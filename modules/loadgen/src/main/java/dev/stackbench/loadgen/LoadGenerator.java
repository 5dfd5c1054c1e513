package dev.stackbench.loadgen;

import dev.stackbench.config.DurationFormat;
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
    /** An adaptive warm-up tells the loops the window this long before it starts. */
    private static final long WINDOW_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

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
     * @throws ConnectionSetupException when the target refuses TLS (e.g. its certificate does not verify) or HTTP/2
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
            TlsClient tls = spec.isTls() ? tlsClient() : null;
            ProtocolProbe.Outcome probe = spec.isTls() || spec.http2()
                    ? ProtocolProbe.run(bootstrap, address, spec, tls) : new ProtocolProbe.Outcome(false, "", false);
            H2Requests h2 = probe.h2() ? new H2Requests(spec, requests, spec.isTls() ? "https" : "http") : null;
            Wire wire = new Wire(tls, h2, h2 != null ? spec.streams() : 1, spec.host(), spec.port(), spec.timeout().toMillis());
            CountDownLatch firstAttempts = new CountDownLatch(spec.connections() * wire.streams());
            double rate = spec.model() instanceof LoadModel.Open open ? open.ratePerSecond() : 0;
            double firstRate = spec.model() instanceof LoadModel.Open open && !open.stages().isEmpty()
                    ? open.stages().get(0).fromPerSecond() : rate;
            int cap = connectionCap();
            long highestMicros = highestMicros();
            // one seed, split once per loop in order: each loop's sequence of choices is reproducible
            java.util.SplittableRandom seeds = new java.util.SplittableRandom(spec.seed());
            for (int i = 0; i < spec.threads(); i++) {
                int count = share(spec.connections(), i);
                // each loop's rate is in proportion to its connections; the loops' schedules are offset
                // by one interval of the whole rate, so that they interleave instead of sending together
                double loopShare = rate > 0 ? (double) count / spec.connections() : 0;
                long phase = rate > 0 ? (long) (i * 1e9 / firstRate) : 0;
                loops.add(new Loop(group.next(), bootstrap, address, requests, wire, count, Math.max(count, share(cap, i)), spec,
                        loopShare, phase, highestMicros, firstAttempts, seeds.split()));
            }
            loops.forEach(Loop::connectAll);
            // Connections are opened before the schedule starts, as wrk2 does, so that connecting is
            // not counted as latency. Failed ones keep retrying and count as connect errors.
            firstAttempts.await(Math.max(5_000, spec.timeout().toMillis()), TimeUnit.MILLISECONDS);
            return measure(loops, loopThreads, cap, listener, requests, wire, probe);
        } finally {
            loops.forEach(Loop::closeAll);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private TlsClient tlsClient() {
        try {
            return new TlsClient(spec.tlsProvider(), spec.insecure(), spec.http2());
        } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
            throw new ConnectionSetupException("no TLS client for " + spec.host() + ":" + spec.port() + ": " + TlsClient.reason(e));
        }
    }

    /** @return how the connections spoke and their TLS handshakes; call after the loops drained */
    private static ConnectionSummary connectionSummary(List<Loop> loops, Wire wire, ProtocolProbe.Outcome probe, long highestMicros) {
        Histogram handshakes = new Histogram(1, highestMicros, Defaults.SIGNIFICANT_DIGITS);
        loops.forEach(l -> l.addHandshakesTo(handshakes));
        String protocol = wire.h2() == null ? "HTTP/1.1" : wire.tls() != null ? "h2" : "h2c";
        return new ConnectionSummary(protocol, wire.streams(), wire.tls() == null ? "" : wire.tls().provider().label(),
                probe.tlsVersion(), probe.h2Declined(), LatencySummary.of(handshakes));
    }

    /** @return loop {@code i}'s share of {@code total}, spread as evenly as possible over the threads */
    private int share(int total, int i) {
        return total / spec.threads() + (i < total % spec.threads() ? 1 : 0);
    }

    /** @return the pool's cap: the spec's, lowered to what the open-file limit allows */
    private int connectionCap() {
        long allowed = platform.openFileLimits().map(l -> l[0] - SPARE_FILES).orElse(Long.MAX_VALUE);
        return (int) Math.max(spec.connections(), Math.min(spec.maxConnections(), allowed));
    }

    private LoadResult measure(List<Loop> loops, List<Thread> loopThreads, int cap, ProgressListener listener,
                               EncodedRequests encoded, Wire wire, ProtocolProbe.Outcome probe) throws InterruptedException {
        long loadStart = System.nanoTime();
        long measureStart;
        Warmup.End warmupEnd;
        if (spec.warmup() instanceof Warmup.Fixed fixed) {
            measureStart = loadStart + fixed.length().toNanos();
            long end = measureStart + spec.duration().toNanos();
            loops.forEach(l -> l.window(measureStart, end)); // before the start: nothing of the window is missed
            loops.forEach(l -> l.start(loadStart));
            for (long now = System.nanoTime(); now < measureStart; now = System.nanoTime()) {
                listener.warmingUp((now - loadStart) / 1e9, fixed.length().toNanos() / 1e9);
                GeneratorClock.sleepUntil(Math.min(measureStart, now + SECOND));
            }
            warmupEnd = Warmup.End.FIXED;
        } else {
            Warmup.UntilStable stable = (Warmup.UntilStable) spec.warmup();
            loops.forEach(l -> l.start(loadStart));
            boolean reached = warmUntilStable(loops, stable, loadStart, listener);
            // the loops learn the window shortly before it starts, so none misses its beginning
            measureStart = System.nanoTime() + WINDOW_LEAD_NANOS;
            long end = measureStart + spec.duration().toNanos();
            loops.forEach(l -> l.window(measureStart, end));
            GeneratorClock.sleepUntil(measureStart);
            warmupEnd = reached ? Warmup.End.STABLE : Warmup.End.CAPPED;
        }
        long end = measureStart + spec.duration().toNanos();
        boolean aborted = false;

        listener.measureStarted();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = GeneratorClock.processCpuNanos();
        long[] stealStart = platform.stealAndTotalTicks(platform.allowedCpus());
        long[] loopCpuStart = loopThreads.stream().mapToLong(t -> threads.getThreadCpuTime(t.getId())).toArray();
        // the wall clock of measureStart itself: this thread may reach here late (a slow listener, a
        // wake-up on a busy CPU), and the interval stamps must not shift by that lateness
        long wallStartMillis = System.currentTimeMillis() - (System.nanoTime() - measureStart) / 1_000_000;

        int kinds = encoded.kinds();
        Sampler sampler = new Sampler(loops, highestMicros(), kinds);
        List<IntervalSample> timeline = new ArrayList<>();
        long intervalStart = measureStart;
        long cpuEnd = 0;
        long[] stealEnd = stealStart;
        long[] loopCpuEnd = new long[0];
        while (true) {
            long intervalEnd = Math.min(end, intervalStart + SECOND);
            GeneratorClock.sleepUntil(intervalEnd);
            boolean last = intervalEnd >= end;
            if (last) {
                listener.measureEnded();
                cpuEnd = GeneratorClock.processCpuNanos();
                stealEnd = platform.stealAndTotalTicks(platform.allowedCpus());
                loopCpuEnd = loopThreads.stream().mapToLong(t -> threads.getThreadCpuTime(t.getId())).toArray();
                for (Loop l : loops) {
                    if (!l.windowEnded().await(spec.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("event loop did not close its window within the timeout + 5 s");
                    }
                }
            }
            IntervalSample sample = sampler.sample((intervalStart - measureStart) / 1e9, (intervalEnd - intervalStart) / 1e9,
                    wallStartMillis + (intervalStart - measureStart) / 1_000_000, wallStartMillis + (intervalEnd - measureStart) / 1_000_000,
                    last);
            timeline.add(sample);
            listener.interval(sample, sampler.intervalLatency(), sampler.intervalService(), sampler.totalLatency().getValueAtPercentile(99));
            if (kinds > 1) {
                for (int k = 0; k < kinds; k++) {
                    listener.kindInterval(encoded.name(k), sampler.intervalKindLatency(k));
                }
            }
            if (last) {
                break;
            }
            intervalStart = intervalEnd;
            if (spec.abortOnFail() && !spec.thresholds().isEmpty()
                    && thresholds(loops, sampler, encoded, (intervalEnd - measureStart) / 1e9).stream().anyMatch(t -> !t.passed())) {
                // a threshold failed on the window so far: the window ends now, in-flight requests drain as usual
                long now = System.nanoTime();
                loops.forEach(l -> l.endEarly(now));
                end = now;
                aborted = true;
            }
        }
        for (Loop l : loops) {
            // wait for what is in flight; each loop gives up at end + timeout
            l.drained().await(spec.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        }
        sampler.addDrain();

        double measured = (end - measureStart) / 1e9;
        boolean open = spec.model() instanceof LoadModel.Open;
        Histogram latency = sampler.totalLatency();
        Histogram service = open ? sampler.totalService() : responsesOnly(sampler);
        long requests = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.COMPLETIONS)).sum();
        long successes = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.SUCCESSES)).sum();
        long unsent = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.UNSENT)).sum();
        double steal = stealEnd[1] > stealStart[1] ? (double) (stealEnd[0] - stealStart[0]) / (stealEnd[1] - stealStart[1]) : 0;
        LatencySummary latencySummary = LatencySummary.of(latency, sampler.totalCensored());
        GeneratorHealth health = health(loops, measured, (cpuEnd - cpuStart) / 1e9, GeneratorClock.maxLoopCpu(loopCpuStart, loopCpuEnd) / 1e9,
                requests, latencySummary, sampler, steal, cap);
        long bytes = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.BYTES)).sum();
        List<KindResult> kindResults = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            int kind = k;
            Histogram kl = sampler.kindLatency(k);
            kindResults.add(new KindResult(encoded.name(k), spec.requests().get(k).weight(),
                    loops.stream().mapToLong(l -> l.kindCounters(kind).get(LoopCounters.COMPLETIONS)).sum(),
                    loops.stream().mapToLong(l -> l.kindCounters(kind).get(LoopCounters.SUCCESSES)).sum(), measured,
                    loops.stream().mapToLong(l -> l.kindCounters(kind).get(LoopCounters.UNSENT)).sum(),
                    LatencySummary.of(kl, sampler.kindCensored(k)), LatencySummary.of(sampler.kindSuccess(k)),
                    LatencySummary.of(sampler.kindError(k)), LoopCounters.sum(loops.stream().map(l -> l.kindCounters(kind)).toList()),
                    kl, sampler.kindCensored(k)));
        }
        List<StageResult> stages = stages(loops, measured);
        List<ThresholdResult> thresholdResults = thresholds(loops, sampler, encoded, measured);
        return new LoadResult(spec, (measureStart - loadStart) / 1e9, warmupEnd, measured, requests, successes, bytes, unsent,
                latencySummary, LatencySummary.of(sampler.totalSuccess()), LatencySummary.of(sampler.totalError()),
                LatencySummary.of(service), latency, sampler.totalSuccess(), sampler.totalError(), sampler.totalCensored(),
                service, LoopCounters.sum(loops.stream().map(Loop::counters).toList()), timeline, health, environment(),
                kindResults, stages, thresholdResults, aborted, connectionSummary(loops, wire, probe, highestMicros()));
    }

    /** @return the thresholds evaluated on what the sampler and the counters hold so far */
    private List<ThresholdResult> thresholds(List<Loop> loops, Sampler sampler, EncodedRequests requests, double seconds) {
        if (spec.thresholds().isEmpty()) {
            return List.of();
        }
        double target = spec.model() instanceof LoadModel.Open o ? o.ratePerSecond() : 0;
        double secs = Math.max(seconds, 1e-9);
        Histogram responses = sampler.totalSuccess().copy();
        responses.add(sampler.totalError());
        ThresholdCheck.Figures run = new ThresholdCheck.Figures(LatencySummary.of(sampler.totalLatency(), sampler.totalCensored()),
                loops.stream().mapToLong(l -> l.counters().errors()).sum(),
                loops.stream().mapToLong(l -> l.counters().get(LoopCounters.COMPLETIONS)).sum() / secs, target, responses);
        java.util.Map<String, ThresholdCheck.Figures> byKind = new java.util.HashMap<>();
        int totalWeight = spec.requests().stream().mapToInt(RequestKind::weight).sum();
        for (int k = 0; k < requests.kinds() && requests.kinds() > 1; k++) {
            int kind = k;
            Histogram kindResponses = sampler.kindSuccess(k).copy();
            kindResponses.add(sampler.kindError(k));
            byKind.put(requests.name(k), new ThresholdCheck.Figures(LatencySummary.of(sampler.kindLatency(k), sampler.kindCensored(k)),
                    loops.stream().mapToLong(l -> l.kindCounters(kind).errors()).sum(),
                    loops.stream().mapToLong(l -> l.kindCounters(kind).get(LoopCounters.COMPLETIONS)).sum() / secs,
                    target * spec.requests().get(k).weight() / totalWeight, kindResponses));
        }
        return ThresholdCheck.evaluate(spec.thresholds(), run, byKind);
    }

    /** @return the per-stage figures of a rate schedule (empty without one); call after the loops drained */
    private List<StageResult> stages(List<Loop> loops, double measured) {
        if (!(spec.model() instanceof LoadModel.Open open) || open.stages().isEmpty()) {
            return List.of();
        }
        List<StageResult> out = new ArrayList<>();
        double start = 0;
        for (int s = 0; s < open.stages().size(); s++) {
            RateStage stage = open.stages().get(s);
            double length = Math.max(0, Math.min(stage.length().toNanos() / 1e9, measured - start));
            Histogram all = new Histogram(1, highestMicros(), Defaults.SIGNIFICANT_DIGITS);
            Histogram censored = new Histogram(1, highestMicros(), Defaults.SIGNIFICANT_DIGITS);
            long completions = 0;
            long errors = 0;
            for (Loop l : loops) {
                l.recorders().addStage(s, all, censored);
                completions += l.stageCompletions(s);
                errors += l.stageErrors(s);
            }
            out.add(new StageResult(stage, start, length, completions, errors, LatencySummary.of(all, censored)));
            start += stage.length().toNanos() / 1e9;
        }
        return out;
    }

    /** @return closed model's service time: the responses' latencies (censored values are no service time) */
    private static Histogram responsesOnly(Sampler sampler) {
        Histogram h = sampler.totalSuccess().copy();
        h.add(sampler.totalError());
        return h;
    }

    /**
     * Samples the rate of responses until it is stable or the cap is reached.
     *
     * @return whether it became stable (false: the cap was reached)
     */
    private boolean warmUntilStable(List<Loop> loops, Warmup.UntilStable w, long loadStart, ProgressListener listener)
            throws InterruptedException {
        RateStability stability = new RateStability(w.samples(), w.maxCv());
        long sampleNanos = w.sample().toNanos();
        long min = loadStart + w.min().toNanos();
        long cap = loadStart + w.cap().toNanos();
        long before = responses(loops);
        long sampleStart = loadStart;
        long lastReport = loadStart;
        while (true) {
            long next = Math.min(cap, sampleStart + sampleNanos);
            GeneratorClock.sleepUntil(next);
            long now = System.nanoTime();
            long count = responses(loops);
            stability.addCount(count - before, Math.max(1, now - sampleStart) / 1e9);
            before = count;
            sampleStart = now;
            if (now >= min && stability.stable()) {
                return true;
            }
            if (now >= cap) {
                return false;
            }
            if (now - lastReport >= SECOND) {
                listener.warmingUp((now - loadStart) / 1e9, w.cap().toNanos() / 1e9);
                lastReport = now;
            }
        }
    }

    private static long responses(List<Loop> loops) {
        return loops.stream().mapToLong(l -> l.counters().get(LoopCounters.RESPONSES)).sum();
    }

    /**
     * @return the largest latency the histograms track, microseconds: in open model a request may
     *         wait for a connection for the whole run before its own timeout starts
     */
    private long highestMicros() {
        return spec.duration().plus(spec.warmup().longest()).plus(spec.timeout()).toNanos() / 1000 * 2;
    }

    private GeneratorHealth health(List<Loop> loops, double measured, double cpuSeconds, double busiestLoopSeconds,
                                   long requests, LatencySummary latency, Sampler sampler, double steal, int cap) {
        int cpus = Runtime.getRuntime().availableProcessors();
        double processUtil = cpuSeconds / (measured * cpus);
        double loopUtil = busiestLoopSeconds / measured;
        boolean open = spec.model() instanceof LoadModel.Open;
        double target = spec.model() instanceof LoadModel.Open o ? o.ratePerSecond() : 0;
        double achieved = requests / measured;
        long sends = sum(loops, LoopCounters.SENDS);
        long late = sum(loops, LoopCounters.LATE);
        long queued = sum(loops, LoopCounters.QUEUED);
        long capped = sum(loops, LoopCounters.CAPPED);
        int peak = (int) sum(loops, LoopCounters.PEAK_CONNECTIONS);
        long maxLagMicros = loops.stream().mapToLong(l -> l.counters().get(LoopCounters.MAX_LAG_NANOS)).max().orElse(0) / 1000;
        Histogram lag = sampler.sendLag();
        Histogram hiccups = sampler.hiccups();
        // the histogram reports a bucket's highest equivalent value; never above the exact maximum
        long lagP99 = open && lag.getTotalCount() > 0 ? Math.min(maxLagMicros, lag.getValueAtPercentile(99)) : 0;
        long hiccupP99 = hiccups.getTotalCount() > 0 ? hiccups.getValueAtPercentile(99) : 0;
        long hiccupMax = hiccups.getTotalCount() > 0 ? hiccups.getMaxValue() : 0;
        // Waiting at the cap alone does not say whose fault it was: by Little's law an overloaded
        // server fills any pool. The pool was the limit when even the server's fastest service time
        // needed more connections than the cap allowed (rate x fastest service > cap).
        Histogram service = sampler.totalService();
        double fastestSeconds = service.getTotalCount() > 0 ? service.getMinValue() / 1e6 : 0;
        boolean connectionLimited = open && sends > 0 && (double) capped / sends > Defaults.CONNECTION_LIMITED_FRACTION
                && (fastestSeconds == 0 || target * fastestSeconds > cap);
        List<String> warnings = new ArrayList<>();
        if (processUtil >= Defaults.SATURATED_CPU) {
            warnings.add(String.format(Locale.ROOT, "the generator's CPUs were %.0f%% busy (%d CPU%s: %s): it may have been "
                            + "the bottleneck, not the server; give it more CPUs, or compare with fewer connections",
                    processUtil * 100, cpus, cpus == 1 ? "" : "s", platform.allowedCpus()));
        } else if (loopUtil >= Defaults.SATURATED_CPU && spec.threads() < cpus) {
            warnings.add(String.format(Locale.ROOT, "an event loop was %.0f%% busy while the generator had %d CPUs: "
                    + "add threads (-t, now %d)", loopUtil * 100, cpus, spec.threads()));
        }
        boolean cpuBound = !warnings.isEmpty();
        long ownLag = Math.max(lagP99, hiccupP99);
        boolean lagged = latency.count() > 0 && ownLagNoticeable(ownLag, latency.p50Micros());
        if (lagged) {
            warnings.add(String.format(Locale.ROOT, "the generator's own lag (p99 %s: %s) is %.0f%% of the p50 latency it "
                            + "reports (%s), more than %.0f%%: its delay is a noticeable part of these latencies; give it "
                            + "more CPUs or fewer connections, or use --resolution",
                    lagP99 >= hiccupP99 ? "send lag" : "event-loop hiccups", DurationFormat.micros(ownLag),
                    100.0 * ownLag / Math.max(1, latency.p50Micros()), DurationFormat.micros(latency.p50Micros()),
                    Defaults.GENERATOR_LAG_FRACTION * 100));
        }
        if (steal > Defaults.STEAL_FRACTION) {
            warnings.add(String.format(Locale.ROOT, "the hypervisor stole %.1f%% of the generator's CPU time (CPUs %s, "
                    + "/proc/stat steal): the machine was shared; measure again, or on a quieter host", steal * 100, platform.allowedCpus()));
        }
        if (connectionLimited) {
            warnings.add(String.format(Locale.ROOT, "%d of %d sends (%.1f%%) found all %d connections busy at the pool's cap: "
                            + "the generator's connections limited this level; raise --max-connections", capped, sends,
                    100.0 * capped / sends, cap));
        }
        return new GeneratorHealth(cpuSeconds, cpus, processUtil, loopUtil, target, achieved, sends, late, queued, maxLagMicros,
                lagP99, hiccupP99, hiccupMax, steal, cap, peak, capped, connectionLimited, cpuBound, lagged, warnings);
    }

    /**
     * The generator's own lag is noticeable when it exceeds {@link Defaults#GENERATOR_LAG_FRACTION}
     * of the p50 latency it reports and {@link Defaults#GENERATOR_LAG_FLOOR}.
     *
     * @param ownLagMicros     p99 of the send lag (open model) or of the hiccups, whichever is larger
     * @param latencyP50Micros the reported p50 latency
     */
    static boolean ownLagNoticeable(long ownLagMicros, long latencyP50Micros) {
        return ownLagMicros > Defaults.GENERATOR_LAG_FLOOR.toNanos() / 1000
                && ownLagMicros > Defaults.GENERATOR_LAG_FRACTION * latencyP50Micros;
    }

    private static long sum(List<Loop> loops, int counter) {
        return loops.stream().mapToLong(l -> l.counters().get(counter)).sum();
    }

    private static int onlineCpus() {
        try {
            return (int) java.nio.file.Files.list(Path.of("/sys/devices/system/cpu"))
                    .filter(p -> p.getFileName().toString().matches("cpu\\d+")).count();
        } catch (java.io.IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
