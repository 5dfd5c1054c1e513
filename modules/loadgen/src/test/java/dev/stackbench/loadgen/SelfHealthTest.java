package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The generator's view of itself: its lag against the latencies it reports, steal time, the probes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelfHealthTest {

    @Test
    void ownLagIsNoticeableAboveTenPercentOfTheP50AndTheFloor() {
        assertThat(LoadGenerator.ownLagNoticeable(200, 1_000)).as("20% of p50").isTrue();
        assertThat(LoadGenerator.ownLagNoticeable(90, 1_000)).as("9% of p50").isFalse();
        assertThat(LoadGenerator.ownLagNoticeable(40, 100)).as("40% but under the 50 us floor").isFalse();
        assertThat(LoadGenerator.ownLagNoticeable(2_000, 5_000)).isTrue();
    }

    @Test
    void stealOnTheGeneratorsCpusIsReadOverTheWindow(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nCpus_allowed_list:\t0\n");
        Path stat = proc.resolve("stat");
        Files.writeString(stat, "cpu  300 0 300 1600 0 0 0 0 0 0\ncpu0 100 0 100 800 0 0 0 0 0 0\ncpu1 200 0 200 800 0 0 0 0 0 0\n");
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(1))) {
            ProgressListener hypervisor = new ProgressListener() {
                @Override
                public void interval(IntervalSample s, org.HdrHistogram.Histogram l, org.HdrHistogram.Histogram v, long p99) {
                    try {
                        // during the window CPU 0 ran 200 ticks, idled 600 and lost 200 to steal; CPU 1 does not count
                        Files.writeString(stat, "cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 300 0 100 1400 0 0 0 200 0 0\n"
                                + "cpu1 900 0 900 800 0 0 0 900 0 0\n");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(1).duration(Duration.ofSeconds(2)).build(), proc)
                    .run(hypervisor);

            assertThat(r.health().stealFraction()).isEqualTo(0.2);
            assertThat(r.health().warnings()).anyMatch(w -> w.contains("stole 20.0%"));
        }
    }

    @Test
    void hiccupProbeMeasuresAStallOfItsEventLoop() throws Exception {
        io.netty.channel.EventLoopGroup group = new io.netty.channel.nio.NioEventLoopGroup(1);
        try {
            io.netty.channel.EventLoop executor = group.next();
            LoadSpec spec = LoadSpec.builder(java.net.URI.create("http://127.0.0.1:1/")).connections(1).build();
            io.netty.bootstrap.Bootstrap bootstrap = new io.netty.bootstrap.Bootstrap().group(group)
                    .channel(io.netty.channel.socket.nio.NioSocketChannel.class);
            Loop loop = new Loop(executor, bootstrap, new java.net.InetSocketAddress("127.0.0.1", 1), new EncodedRequests(spec),
                    new Wire(null, null, 1, "127.0.0.1", 1, 1000),
                    0, 0, spec, 0, 0, 60_000_000, new java.util.concurrent.CountDownLatch(0), new java.util.SplittableRandom(1));
            long now = System.nanoTime();
            loop.window(now, now + TimeUnit.SECONDS.toNanos(30));
            loop.start(now);
            Thread.sleep(200);
            // the event loop is busy for 80 ms: every probe tick due meanwhile runs late
            executor.submit(() -> {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(80);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }).get();
            Thread.sleep(200);
            org.HdrHistogram.Histogram lag = new org.HdrHistogram.Histogram(1, 60_000_000, 3);
            org.HdrHistogram.Histogram hiccups = new org.HdrHistogram.Histogram(1, 60_000_000, 3);
            executor.submit(() -> loop.recorders().addHealth(lag, hiccups)).get();

            assertThat(hiccups.getMaxValue()).as("the stall, microseconds").isGreaterThanOrEqualTo(75_000);
            // fixed-rate ticks: the ~80 ticks due during the stall all record their lateness
            assertThat(hiccups.getCountBetweenValues(10_000, 100_000)).isGreaterThanOrEqualTo(60);
            assertThat(hiccups.getTotalCount()).isGreaterThan(200);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void hiccupProbeAndSendLagAreMeasuredInTheOpenModel() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(0))) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(4).threads(1)
                    .model(new LoadModel.Open(500)).duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);

            GeneratorHealth h = r.health();
            assertThat(h.hiccupMaxMicros()).isGreaterThanOrEqualTo(h.hiccupP99Micros());
            assertThat(h.sendLagP99Micros()).isLessThanOrEqualTo(h.maxSendLagMicros());
            // the send lag is part of every latency from the intended time
            assertThat(h.sendLagP99Micros()).isLessThanOrEqualTo(r.latency().maxMicros());
            assertThat(h.connectionCap()).isEqualTo(1_000);
        }
    }
}
