package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generator's concerns become different flags: a saturated CPU may have limited req/s ({@code G}),
 * its own lag only inflates latencies ({@code H}), steal is reported per run and flags nothing.
 */
class GeneratorFlagsTest {

    private static GeneratorHealth health(boolean bound, Boolean lagged, double steal, String reason) {
        return new GeneratorHealth(bound ? 0.97 : 0.3, null, 10_000, 0, 0, 200L, null, steal, false, bound, reason, lagged);
    }

    private static Set<Flag> flags(GeneratorHealth second) {
        List<Trial> trials = new ArrayList<>();
        for (int round = 1; round <= 6; round++) {
            trials.add(SyntheticRuns.trial("fastify", round, 10_000 + round,
                    round == 2 ? second : health(false, false, 0.01, null)));
        }
        Analysis a = SyntheticRuns.analyse(SyntheticRuns.run(List.of("fastify"), trials, List.of()));
        return a.tables().get(0).rows().get(0).cell().flags();
    }

    @Test
    void aSaturatedCpuIsGeneratorBound() {
        assertThat(flags(health(true, false, 0.01, "the generator's CPUs were 97% busy")))
                .contains(Flag.GENERATOR_BOUND).doesNotContain(Flag.GENERATOR_LAG);
    }

    @Test
    void ownLagIsALatencyFlagOnly() {
        assertThat(flags(health(false, true, 0.01, "the generator's own lag (p99 event-loop hiccups: 410 us) is 21%")))
                .contains(Flag.GENERATOR_LAG).doesNotContain(Flag.GENERATOR_BOUND);
    }

    @Test
    void stealAloneFlagsNothingAndTheRunReportsIt() {
        assertThat(flags(health(false, false, 0.17, "the hypervisor stole 17.0% of the generator's CPU time")))
                .doesNotContain(Flag.GENERATOR_BOUND, Flag.GENERATOR_LAG);
        List<Trial> trials = List.of(SyntheticRuns.trial("a", 1, 100, health(false, false, 0.01, null)),
                SyntheticRuns.trial("a", 2, 100, health(false, false, 0.03, null)),
                SyntheticRuns.trial("a", 3, 100, health(false, false, 0.17, null)));
        assertThat(GeneratorSteal.of(SyntheticRuns.run(List.of("a"), trials, List.of())))
                .contains(new GeneratorSteal(3, 0.03, 0.17));
    }

    @Test
    void inAnOlderRunBoundKeepsItsOldMeaning() {
        // schema 2 before lagged: bound was set by any concern, lag included, and stays G
        assertThat(flags(health(true, null, 0.01, "the generator's own lag (p99 send lag: 2.1 ms) is 40%")))
                .contains(Flag.GENERATOR_BOUND).doesNotContain(Flag.GENERATOR_LAG);
    }
}
