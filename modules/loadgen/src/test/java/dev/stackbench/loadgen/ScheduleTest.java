package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rate schedules (steps, ramps) and Poisson arrivals in the open model. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScheduleTest {

    @Test
    void poissonGapsHaveTheExponentialsMeanAndACoefficientOfVariationOfOne() {
        Pacer pacer = new Pacer(LoadModel.Open.constant(1000, LoadModel.Arrivals.POISSON), 1.0, new SplittableRandom(3));
        pacer.start(0);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long at = pacer.peek();
            double gap = at - previous;
            sum += gap;
            sumSq += gap * gap;
            previous = at;
            pacer.advance();
        }
        double mean = sum / n;
        double cv = Math.sqrt(sumSq / n - mean * mean) / mean;
        // mean 1 ms; the standard error of the mean is 1 ms / sqrt(n) = 0.22%: 1% is over 4 standard errors
        assertThat(mean / 1e6).isCloseTo(1.0, within(0.01));
        assertThat(cv).isCloseTo(1.0, within(0.02));
    }

    @Test
    void evenArrivalsOfAConstantRateAreExactlyOneIntervalApart() {
        Pacer pacer = new Pacer(new LoadModel.Open(250), 0.5, new SplittableRandom(1)); // this loop: 125/s, 8 ms
        pacer.start(1_000);
        for (int i = 0; i < 1000; i++) {
            assertThat(pacer.peek()).isEqualTo(1_000 + (long) (i * 8e6));
            pacer.advance();
        }
    }

    @Test
    void aRampsArrivalsFollowItsRateWithinEachStage() {
        List<RateStage> ramp = LoadModel.Open.ramp(100, 1000, Duration.ofSeconds(9), 9);
        Pacer pacer = new Pacer(LoadModel.Open.schedule(ramp, LoadModel.Arrivals.CONSTANT), 1.0, new SplittableRandom(1));
        pacer.start(0);
        pacer.window(0);
        long[] perSecond = new long[9];
        for (long at = pacer.peek(); at < 9_000_000_000L; pacer.advance(), at = pacer.peek()) {
            perSecond[(int) (at / 1_000_000_000L)]++;
        }
        for (int s = 0; s < 9; s++) {
            double target = 150 + 100 * s; // each stage's mean
            assertThat((double) perSecond[s]).as("second %d", s).isCloseTo(target, within(2.0));
        }
    }

    @Test
    void aStepScheduleReportsEachStagesAchievedRateAndLatency() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(2))) {
            List<RateStage> steps = List.of(RateStage.step(100, Duration.ofSeconds(1)), RateStage.step(300, Duration.ofSeconds(1)),
                    new RateStage(300, 500, Duration.ofSeconds(1)));
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(8).threads(1)
                    .model(LoadModel.Open.schedule(steps, LoadModel.Arrivals.CONSTANT)).build()).run(ProgressListener.NONE);

            assertThat(r.spec().duration()).isEqualTo(Duration.ofSeconds(3));
            assertThat(r.stages()).hasSize(3);
            double[] targets = {100, 300, 400};
            for (int i = 0; i < 3; i++) {
                StageResult s = r.stages().get(i);
                assertThat(s.targetPerSecond()).isEqualTo(targets[i]);
                assertThat(s.startSeconds()).isEqualTo(i);
                // completions inside the stage: its own arrivals, give or take the few in flight at its edges
                assertThat(s.achievedPerSecond()).as("stage %d: %s", i, s).isCloseTo(targets[i], within(targets[i] * 0.1 + 5));
                assertThat(s.latency().p50Micros()).isGreaterThanOrEqualTo(2_000);
                assertThat(s.errors()).isZero();
            }
            long intended = r.stages().stream().mapToLong(s -> s.latency().count()).sum();
            assertThat(intended).isEqualTo(r.latency().count());
            assertThat(r.spec().model()).isInstanceOfSatisfying(LoadModel.Open.class, o -> assertThat(o.ratePerSecond()).isCloseTo(266.67, within(0.01)));
        }
    }

    @Test
    void poissonArrivalsKeepTheRateOnAverage() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(1))) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).connections(8).threads(2)
                    .model(LoadModel.Open.constant(400, LoadModel.Arrivals.POISSON)).duration(Duration.ofSeconds(2)).seed(9).build())
                    .run(ProgressListener.NONE);
            // 800 arrivals expected; a Poisson count's standard deviation is sqrt(800) = 28: 4 of them is 113
            assertThat((double) r.latency().count()).isCloseTo(800, within(113.0));
            assertThat(r.errors().total()).isZero();
        }
    }
}
