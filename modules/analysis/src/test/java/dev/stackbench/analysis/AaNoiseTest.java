package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.claims.Group;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The A/A pair's ratio: twin over original, paired by round, on synthetic rounds with a known answer. */
class AaNoiseTest {
    /** The machine's speed per round: drift that pairing must cancel. */
    private static final double[] SPEED = {1.00, 0.80, 1.10, 0.90, 1.05, 0.95};

    private static List<AaNoise> pair(double twinFactor, double[] twinNoise) {
        List<Trial> trials = new ArrayList<>();
        for (int r = 1; r <= SPEED.length; r++) {
            trials.add(SyntheticRuns.trial("fastify", r, 20_000 * SPEED[r - 1]));
            trials.add(SyntheticRuns.trial("fastify_2", r, 20_000 * SPEED[r - 1] * twinFactor * twinNoise[r - 1]));
            trials.add(SyntheticRuns.trial("express", r, 5_000 * SPEED[r - 1]));
        }
        return AaNoise.of(SyntheticRuns.analyse(SyntheticRuns.run(List.of("fastify", "fastify_2", "express"), trials, List.of())));
    }

    @Test
    void twoIdenticalInstancesGiveOneDespiteTheDrift() {
        List<AaNoise> pairs = pair(1.0, new double[] {1.01, 0.99, 1.02, 0.98, 1.00, 1.00});
        assertThat(pairs).hasSize(1);
        AaNoise n = pairs.get(0);
        assertThat(n.original().contestant()).isEqualTo("fastify");
        assertThat(n.rankBy()).isEqualTo(RankBy.THROUGHPUT);
        assertThat(n.ratio().method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        assertThat(n.ratio().estimate()).isBetween(0.99, 1.01);
        assertThat(n.ratio().interval().orElseThrow().contains(1.0)).isTrue();
        // drift of ±20% across rounds cancels in the pairs: the interval is a few percent wide
        assertThat(n.ratio().interval().orElseThrow().high() / n.ratio().interval().orElseThrow().low()).isLessThan(1.05);
        assertThat(n.differs()).isFalse();
    }

    @Test
    void aTwinThatRunsTenPercentSlowerInEveryRoundDiffers() {
        AaNoise n = pair(0.90, new double[] {1.01, 0.99, 1.02, 0.98, 1.00, 1.00}).get(0);
        assertThat(n.ratio().estimate()).isBetween(0.89, 0.91);
        assertThat(n.differs()).isTrue();
    }

    @Test
    void withoutATwinThereIsNoPairAndTheTwinJoinsNoClaimGroup() {
        List<Trial> trials = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            trials.add(SyntheticRuns.trial("fastify", r, 20_000));
        }
        assertThat(AaNoise.of(SyntheticRuns.analyse(SyntheticRuns.run(List.of("fastify"), trials, List.of())))).isEmpty();
        Group node = new Group("node", "javascript", List.of(), null);
        assertThat(node.matches(SyntheticRuns.contestant("fastify"))).isTrue();
        assertThat(node.matches(SyntheticRuns.contestant("fastify_2"))).isFalse();
    }
}
