package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacity rule on the fixture's synthetic M/M/1 curves, whose answers are known exactly. */
class CapacityRuleTest {
    static final Analysis A = AdviseRuns.fixture();

    static List<CapacityRule.Sample> samples(String contestant, String workload) {
        return A.cells().stream().filter(c -> c.key().contestant().equals(contestant) && c.key().workload().equals(workload))
                .map((Cell c) -> new CapacityRule.Sample(c, 1)).toList();
    }

    @Test
    void theHighestOpenRateWhoseP99IntervalStaysUnderTheTargetIsTheCapacity() {
        // django io: μ = 60/s, b = 52 ms: p99 ≈ 183 ms at 25/s, ≈ 512 ms at 50/s
        Capacity django = CapacityRule.of(samples("django-gunicorn", "io"), 200_000, 0.01);
        assertThat(django).isInstanceOf(Capacity.Measured.class);
        Capacity.Measured m = (Capacity.Measured) django;
        assertThat(m.perCore()).isEqualTo(25.0);
        assertThat(m.missedAbovePerCore()).contains(50.0);
        assertThat(m.p99HighMicros()).isLessThan(200_000).isGreaterThan(170_000);
        assertThat(m.interval()).isPresent();
        assertThat(m.interval().get().low()).isLessThan(25.0);
        assertThat(m.interval().get().high()).isGreaterThan(24.9);

        // fastify io: μ = 3000: 1600/s meets (p99 ≈ 54 ms), 3200/s is saturated
        Capacity.Measured fastify = (Capacity.Measured) CapacityRule.of(samples("fastify", "io"), 200_000, 0.01);
        assertThat(fastify.perCore()).isEqualTo(1600.0);
        assertThat(fastify.missedAbovePerCore()).contains(3200.0);
    }

    @Test
    void aTighterTargetLowersTheCapacityToTheLastLevelUnderIt() {
        // django io at 150 ms: even 25/s (≈ 183 ms) misses
        Capacity tight = CapacityRule.of(samples("django-gunicorn", "io"), 150_000, 0.01);
        assertThat(tight).isInstanceOf(Capacity.Unmet.class);
        Capacity.Unmet u = (Capacity.Unmet) tight;
        assertThat(u.atPerSecond()).isEqualTo(25.0);
        assertThat(u.bestP99Micros()).isBetween(170_000L, 190_000L);
        assertThat(u.measuredLevels()).isEqualTo(8);
    }

    @Test
    void theServerCoresDivideTheRate() {
        List<CapacityRule.Sample> twoCores = samples("fastify", "io").stream()
                .map(s -> new CapacityRule.Sample(s.cell(), 2)).toList();
        assertThat(((Capacity.Measured) CapacityRule.of(twoCores, 200_000, 0.01)).perCore()).isEqualTo(800.0);
    }

    @Test
    void onlyClosedLevelsGiveALabelledEstimateOrNothing() {
        Capacity user = CapacityRule.of(samples("flask-gunicorn", "user"), 200_000, 0.01);
        assertThat(user).isInstanceOf(Capacity.Estimated.class);
        Capacity.Estimated e = (Capacity.Estimated) user;
        assertThat(e.connections()).isEqualTo(64);
        assertThat(e.perCore()).isBetween(686.0, 714.0);

        assertThat(CapacityRule.of(samples("flask-gunicorn", "io"), 200_000, 0.01)).isEqualTo(new Capacity.NotMeasurable(
                "only closed-model levels, none with its p99 under the target; not measurable from this run: run the"
                        + " full suite or an open-model suite"));
        assertThat(CapacityRule.of(List.of(), 200_000, 0.01)).isEqualTo(new Capacity.NotMeasurable(
                "no cell of this workload in these runs; not measurable from this run: run the full suite or an"
                        + " open-model suite"));
    }
}
