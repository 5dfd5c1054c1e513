package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up that ends when the rate is stable, against a server that speeds up and then stays flat. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WarmupTest {

    @Test
    void warmUpUntilStableEndsAfterTheRampAndRecordsItsLength() throws Exception {
        // the delay falls from 20 ms to 2 ms over the first second: 4 connections go from 200 to 2,000 req/s
        try (StubServer stub = new StubServer(new StubServer.Behavior.Ramp(20, 2, 1000))) {
            LoadSpec spec = LoadSpec.builder(stub.uri("/")).connections(4).threads(1).duration(Duration.ofSeconds(1))
                    .warmup(new Warmup.UntilStable(Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMillis(250), 4, 0.15))
                    .build();
            LoadResult r = new LoadGenerator(spec).run(ProgressListener.NONE);

            assertThat(r.warmupEnd()).isEqualTo(Warmup.End.STABLE);
            assertThat(r.warmupSeconds()).as("the ramp is over before the rate counts as stable").isBetween(1.0, 6.0);
            // measured on the flat part (up to 4 / 2 ms = 2,000/s), faster than the ramp's mean rate
            // (4 connections over a delay falling linearly 20 -> 2 ms: 4 ln(10) / 18 ms = 512/s)
            assertThat(r.throughput()).isGreaterThan(600.0);
        }
    }

    @Test
    void warmUpThatNeverStabilisesStopsAtItsCap() throws Exception {
        // 1 ms answers, but a 500 ms stall every second: of four 250 ms samples, two see (almost)
        // nothing, two see everything: a CV near 1, far beyond the counting noise of hundreds of responses
        try (StubServer stub = new StubServer(new StubServer.Behavior.Stall(1, 500, 1000))) {
            LoadSpec spec = LoadSpec.builder(stub.uri("/")).connections(2).threads(1).duration(Duration.ofMillis(500))
                    .warmup(new Warmup.UntilStable(Duration.ZERO, Duration.ofMillis(1500), Duration.ofMillis(250), 4, 0.01))
                    .build();
            LoadResult r = new LoadGenerator(spec).run(ProgressListener.NONE);

            assertThat(r.warmupEnd()).isEqualTo(Warmup.End.CAPPED);
            assertThat(r.warmupSeconds()).isBetween(1.5, 2.5);
            assertThat(r.requests()).isPositive();
        }
    }

    @Test
    void fixedWarmupIsRecordedAsUsed() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(0))) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(1).warmup(Duration.ofMillis(300))
                    .duration(Duration.ofMillis(300)).build()).run(ProgressListener.NONE);

            assertThat(r.warmupEnd()).isEqualTo(Warmup.End.FIXED);
            assertThat(r.warmupSeconds()).isEqualTo(0.3);
        }
    }

    @Test
    void stabilityIsTheCoefficientOfVariationOfTheLastSamples() {
        RateStability s = new RateStability(4, 0.05);
        for (double r : new double[] {100, 400, 800, 1000}) {
            s.add(r);
        }
        assertThat(s.stable()).isFalse();
        for (double r : new double[] {1000, 1010, 990, 1000}) {
            s.add(r);
        }
        // mean 1000, sample stdev sqrt(200/3) = 8.16: CV 0.0082
        assertThat(s.cv()).isCloseTo(Math.sqrt(200.0 / 3) / 1000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.stable()).isTrue();
        assertThat(new RateStability(3, 0.05).cv()).as("too few samples").isInfinite();
    }

    @Test
    void aSlowServersCountingNoiseDoesNotHoldTheWarmupUntilItsCap() {
        // 9, 16, 12, 11 responses per 250 ms: a CV of 24%, as steady as 12 responses a sample can be
        RateStability slow = new RateStability(4, 0.05);
        for (long c : new long[] {9, 16, 12, 11}) {
            slow.addCount(c, 0.25);
        }
        assertThat(slow.threshold()).isCloseTo(2 / Math.sqrt(12), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(slow.stable()).isTrue();
        // the same relative spread at 1,200 responses a sample is a server still warming up
        RateStability fast = new RateStability(4, 0.05);
        for (long c : new long[] {900, 1600, 1200, 1100}) {
            fast.addCount(c, 0.25);
        }
        assertThat(fast.threshold()).isCloseTo(0.0577, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(fast.stable()).isFalse();
    }
}
