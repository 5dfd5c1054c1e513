package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine against stub servers with known behaviour, on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadGeneratorTest {

    private static LoadResult run(LoadSpec.Builder builder) throws Exception {
        return new LoadGenerator(builder.build()).run(ProgressListener.NONE);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theMeasuredWindowIsAnnouncedAtItsStartAndItsEndBeforeTheDrain() throws Exception {
        // a 300 ms server: at the window's end every connection has a request in flight, which drains afterwards
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(300))) {
            long[] at = new long[2];
            int[] calls = new int[2];
            ProgressListener clock = new ProgressListener() {
                @Override
                public void measureStarted() {
                    at[0] = System.nanoTime();
                    calls[0]++;
                }

                @Override
                public void measureEnded() {
                    at[1] = System.nanoTime();
                    calls[1]++;
                }
            };
            new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).warmup(Duration.ofMillis(100))
                    .duration(Duration.ofMillis(1000)).build()).run(clock);
            long returned = System.nanoTime();

            assertThat(calls).containsExactly(1, 1);
            assertThat((at[1] - at[0]) / 1e6).as("window, ms (a late wake-up may lengthen it, never shorten it)").isBetween(990.0, 3000.0);
            assertThat((returned - at[1]) / 1e6).as("the drain comes after the end is announced, ms").isGreaterThan(50.0);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void intervalWallStampsAreTheWindowsOwnEvenWhenTheMeasuringThreadIsLate() throws Exception {
        // a listener that takes 400 ms when the window starts: the first interval's wall-clock stamp
        // (the interval log's BaseTime) must still be the window's start, not 400 ms after it
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(5))) {
            long[] startedAtMillis = new long[1];
            java.util.List<Long> stamps = new java.util.ArrayList<>();
            ProgressListener slow = new ProgressListener() {
                @Override
                public void measureStarted() {
                    startedAtMillis[0] = System.currentTimeMillis();
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void interval(IntervalSample sample, org.HdrHistogram.Histogram latencyInterval,
                                     org.HdrHistogram.Histogram serviceInterval, long cumulativeP99Micros) {
                    stamps.add(latencyInterval.getStartTimeStamp());
                }
            };
            new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).warmup(Duration.ofMillis(100))
                    .duration(Duration.ofSeconds(2)).build()).run(slow);

            assertThat(stamps).hasSize(2);
            assertThat(stamps.get(0) - startedAtMillis[0]).as("first stamp minus the window's announced start, ms")
                    .isBetween(-100L, 100L);
            assertThat(stamps.get(1) - stamps.get(0)).as("one second apart, ms").isBetween(999L, 1001L);
        }
    }

    @Test
    void closedModelCountsExactlyTheRequestsTheServerSaw() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(5))) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/json")).connections(4).threads(2).duration(Duration.ofSeconds(2)));

            assertThat(r.errors().total()).isZero();
            // throughput counts what completed inside the window; up to one request per connection was
            // still in flight at the end: drained into the latency, not counted as throughput
            assertThat(r.requests()).isPositive().isBetween(stub.requests() - 4, stub.requests());
            assertThat(r.latency().count()).isEqualTo(stub.requests());
            assertThat(r.latency().censored()).isZero();
            assertThat(r.successLatency().count()).isEqualTo(stub.requests());
            // 4 connections, each one request per ~5 ms: about 800 requests/s, never more than 4/5 ms
            assertThat(r.throughput()).isBetween(100.0, 4 * 1000 / 5.0 * 1.05);
            assertThat(r.latency().p50Micros()).isGreaterThanOrEqualTo(5_000);
            assertThat(r.timeline()).hasSize(2);
            assertThat(r.timeline().stream().mapToLong(IntervalSample::requests).sum()).isEqualTo(r.requests());
        }
    }

    @Test
    void warmupIsNotRecordedButIsSent() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(5))) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1)
                    .warmup(Duration.ofSeconds(1)).duration(Duration.ofSeconds(1)));

            assertThat(r.requests()).isPositive();
            // the warm-up's requests reached the server but not the result
            assertThat(stub.requests()).isGreaterThan(r.requests() + 50);
        }
    }

    @Test
    void openModelLatencyShowsStallsThatClosedModelHides() throws Exception {
        // ~1 ms service time, but every response due in a 500 ms window once every 2 s waits for
        // the window's end. Users arriving uniformly see p99 = D - (1 - 0.99) P = 480 ms.
        try (StubServer stub = new StubServer(new StubServer.Behavior.Stall(1, 500, 2000))) {
            LoadResult closed = run(LoadSpec.builder(stub.uri("/")).connections(10).threads(1)
                    .duration(Duration.ofSeconds(6)));
            LoadResult open = run(LoadSpec.builder(stub.uri("/")).connections(10).threads(1)
                    .model(new LoadModel.Open(1000)).duration(Duration.ofSeconds(6)));

            long analyticP99 = 500_000 - (long) (0.01 * 2_000_000);
            assertThat(open.latency().p99Micros()).as("open-model p99 near the analytic %d us", analyticP99)
                    .isBetween(analyticP99 * 6 / 10, 520_000L);
            assertThat(closed.latency().p99Micros()).as("closed-model p99 stays near the service time")
                    .isLessThan(50_000L);
            assertThat(open.latency().p99Micros()).isGreaterThan(10 * closed.latency().p99Micros());
            assertThat(open.health().connectionLimited()).isFalse();
            assertThat(open.throughput()).isBetween(900.0, 1100.0);
            assertThat(open.errors().total()).isZero();
        }
    }

    @Test
    void openModelKeepsItsRateAgainstAFastServer() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(0))) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(20).threads(2)
                    .model(new LoadModel.Open(2000)).duration(Duration.ofSeconds(2)));

            // every request intended inside the window was either sent or counted unsent
            assertThat(r.health().sends() + r.unsent()).isEqualTo(4_000L);
            assertThat(r.health().targetRate()).isEqualTo(2000.0);
            // a machine that stalls the generator for long (other jobs) cannot keep any rate; the probe says so
            org.junit.jupiter.api.Assumptions.assumeTrue(r.health().hiccupMaxMicros() < 100_000,
                    "the generator stalled " + r.health().hiccupMaxMicros() + " us");
            assertThat(r.health().sends()).isBetween(3_900L, 4_000L);
            assertThat(r.requests()).isBetween(r.health().sends() - 40, r.health().sends());
            assertThat(r.serverBehindSchedule()).isFalse();
        }
    }

    @Test
    void openModelWithAResolutionSendsTheSameNumberOfRequests() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(0))) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(20).threads(1)
                    .model(new LoadModel.Open(2000)).resolution(Duration.ofMillis(5)).duration(Duration.ofSeconds(2)));

            // 10 requests per 5 ms window, all sent at the window's start: the rate is kept exactly
            assertThat(r.health().sends() + r.unsent()).as("sent %d, unsent %d", r.health().sends(), r.unsent()).isEqualTo(4_000L);
            assertThat(r.health().sends()).isBetween(3_990L, 4_000L).isEqualTo(stub.requests());
            assertThat(r.latency().count()).isEqualTo(r.health().sends());
        }
    }

    @Test
    void refusedConnectionsCountAsConnectErrors() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadResult r = run(LoadSpec.builder(URI.create("http://127.0.0.1:" + port + "/")).connections(2).threads(1)
                .duration(Duration.ofSeconds(1)));

        assertThat(r.errors().connect()).isPositive();
        assertThat(r.errors()).isEqualTo(new ErrorCounts(r.errors().connect(), 0, 0, 0, Map.of()));
        assertThat(r.requests()).isZero();
    }

    @Test
    void resetMidResponseCountsAsReadErrorAndReconnects() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.ResetMidResponse())) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.errors().read()).isGreaterThan(2); // reconnected and failed again, more than once per connection
            assertThat(r.errors()).isEqualTo(new ErrorCounts(0, r.errors().read(), 0, 0, Map.of()));
            assertThat(r.requests()).isZero();
        }
    }

    @Test
    void silentServerCountsTimeouts() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Silent())) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1)
                    .timeout(Duration.ofMillis(200)).duration(Duration.ofSeconds(1)));

            // each connection times out every ~200 ms, reconnects and tries again
            assertThat(r.errors().timeout()).isBetween(4L, 12L);
            assertThat(r.errors()).isEqualTo(new ErrorCounts(0, 0, 0, r.errors().timeout(), Map.of()));
            assertThat(stub.requests()).isGreaterThanOrEqualTo(r.errors().timeout());
            // every timeout is in the latency histogram, censored at the timeout: nothing left out
            assertThat(r.latency().count()).isEqualTo(r.errors().timeout());
            assertThat(r.censored()).isEqualTo(r.errors().timeout());
            assertThat(r.latency().p50Micros()).isGreaterThanOrEqualTo(200_000);
            assertThat(r.latency().firstCensoredRank()).isEqualTo(1);
            assertThat(r.latency().isLowerBound(50)).isTrue();
            assertThat(r.requests()).isZero();
        }
    }

    @Test
    void errorStatusesAreCountedByCode() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Status(500))) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).duration(Duration.ofSeconds(1)));

            // errors are per request intended in the window, the drained ones included
            assertThat(r.errors()).isEqualTo(new ErrorCounts(0, 0, 0, 0, Map.of(500, stub.requests())));
            assertThat(r.errorLatency().count()).isEqualTo(stub.requests());
            assertThat(r.successLatency().count()).isZero();
        }
    }

    @Test
    void chunkedBodiesAreReadToTheEnd() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Chunked())) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.errors().total()).isZero();
            assertThat(r.health().sends()).as("sends").isEqualTo(stub.requests());
            assertThat(r.successLatency().count()).isPositive().isEqualTo(stub.requests());
        }
    }

    @Test
    void connectionCloseResponsesReconnectWithoutErrors() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.CloseAfterResponse())) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.errors().total()).isZero();
            assertThat(r.successLatency().count()).isGreaterThan(10).isEqualTo(stub.requests());
        }
    }

    @Test
    void bodiesDelimitedByCloseComplete() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.BodyUntilClose())) {
            LoadResult r = run(LoadSpec.builder(stub.uri("/")).connections(2).threads(1).duration(Duration.ofSeconds(1)));

            assertThat(r.errors().total()).isZero();
            assertThat(r.successLatency().count()).isGreaterThan(10).isEqualTo(stub.requests());
        }
    }

    @Test
    void randomPathsAreAllUsed() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(0))) {
            LoadSpec spec = LoadSpec.builder(stub.uri("/")).paths(java.util.List.of("/a", "/b")).connections(1)
                    .duration(Duration.ofMillis(500)).build();
            EncodedRequests requests = new EncodedRequests(spec);
            io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer(requests.maxLength());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                requests.writeNext(out, new java.util.SplittableRandom(i));
                seen.add(out.toString(java.nio.charset.StandardCharsets.US_ASCII).split(" ")[1]);
            }
            assertThat(seen).containsExactlyInAnyOrder("/a", "/b");
            assertThat(new LoadGenerator(spec).run(ProgressListener.NONE).errors().total()).isZero();
        }
    }
}
