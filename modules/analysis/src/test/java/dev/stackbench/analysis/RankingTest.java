package dev.stackbench.analysis;

import static dev.stackbench.analysis.SyntheticRuns.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

    /**
     * A &gt; B &gt; C over five rounds: B/A and C/B vary so much from round to round that their
     * intervals contain 1, while C/A is steady at 0.92 and excludes it. B joins A's group; C
     * must not (that would chain A and C), so it starts its own.
     */
    @Test
    void tiesNeverChain() {
        double[] a = {1000, 1010, 990, 1005, 995};
        double[] ba = {0.93, 1.01, 0.97, 0.99, 0.95};
        double[] cb = {1.02, 0.90, 0.96, 0.92, 0.98};
        List<Trial> trials = new ArrayList<>();
        double[] b = new double[5];
        double[] c = new double[5];
        for (int r = 0; r < 5; r++) {
            b[r] = a[r] * ba[r];
            c[r] = b[r] * cb[r];
            trials.add(trial("a", r + 1, a[r]));
            trials.add(trial("b", r + 1, b[r]));
            trials.add(trial("c", r + 1, c[r]));
        }
        // the premise, checked: A~B, B~C, A and C distinguishable
        assertThat(Ratio.paired(b, a).interval().orElseThrow().contains(1)).isTrue();
        assertThat(Ratio.paired(c, b).interval().orElseThrow().contains(1)).isTrue();
        assertThat(Ratio.paired(c, a).excludesOne()).isTrue();
        assertThat(Ratio.paired(c, a).withinMargin(0.05)).isFalse();

        WorkloadTable t = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b", "c"), trials, List.of()))
                .tables().get(0);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant()).containsExactly("a", "b", "c");
        assertThat(t.rows()).extracting(RankedCell::rank).containsExactly(1, 1, 3);
        assertThat(t.rows()).extracting(RankedCell::tiedWithAbove).containsExactly(false, true, false);
        assertThat(t.rows().get(0).notDistinguishableFrom()).containsExactly("b");
        assertThat(t.rows().get(1).notDistinguishableFrom()).containsExactly("a", "c");
        assertThat(t.rows().get(2).notDistinguishableFrom()).containsExactly("b");
        // C vs the fastest, paired by round: about 0.92 with an interval below 1
        Ratio toBest = t.rows().get(2).ratioToBest();
        assertThat(toBest.method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        assertThat(toBest.estimate()).isBetween(0.92, 0.93);
        assertThat(toBest.interval().orElseThrow().high()).isLessThan(1);
    }

    /**
     * Drift: both contestants swing by up to 20% between rounds, together. Their ranges overlap
     * widely, but every round B is 10% slower: the paired ratio tells them apart.
     */
    @Test
    void pairingByRoundSeesThroughDrift() {
        double[] drift = {1.0, 0.8, 1.15, 0.9, 1.05};
        double[] noise = {1.0, 1.01, 0.99, 1.005, 0.995};
        List<Trial> trials = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            trials.add(trial("a", r + 1, 10_000 * drift[r]));
            trials.add(trial("b", r + 1, 9_000 * drift[r] * noise[r]));
        }
        WorkloadTable t = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b"), trials, List.of()))
                .tables().get(0);
        Cell a = t.rows().get(0).cell();
        Cell b = t.rows().get(1).cell();
        assertThat(b.throughput().max()).isGreaterThan(a.throughput().min());
        assertThat(t.rows()).extracting(RankedCell::rank).containsExactly(1, 2);
        assertThat(t.rows().get(1).ratioToBest().interval().orElseThrow().high()).isLessThan(0.95);
    }

    /** A single trial each: no interval, so nothing can be told apart; both share rank 1. */
    @Test
    void withoutIntervalsEveryoneIsTied() {
        List<Trial> trials = List.of(trial("a", 1, 1000), trial("b", 1, 500));
        WorkloadTable t = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b"), trials, List.of()))
                .tables().get(0);
        assertThat(t.rows()).extracting(RankedCell::rank).containsExactly(1, 1);
        assertThat(t.rows().get(1).ratioToBest().interval()).isEmpty();
    }

    /**
     * Open model, ranked by p99: b's p99 is twice a's, but a's is a lower bound (timeouts at its
     * rank), so a's true p99 may be as high: not distinguishable. With a exact, b is ranked second.
     */
    @Test
    void aCensoredBetterP99TellsNothingApart() {
        dev.stackbench.results.LoadLevel open = new dev.stackbench.results.LoadLevel.Open(500);
        List<Trial> censored = new ArrayList<>();
        List<Trial> exact = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            long wobble = 10L * r;
            censored.add(openTrial("a", r, open, SyntheticRuns.latency(1000 + wobble, 5_000, 100)));
            exact.add(openTrial("a", r, open, SyntheticRuns.latency(1000 + wobble, 5_000, 0)));
            Trial b = openTrial("b", r, open, SyntheticRuns.latency(2000 + 3 * wobble, 5_000, 0));
            censored.add(b);
            exact.add(b);
        }
        WorkloadTable withBound = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b"), censored, List.of()))
                .tables().get(0);
        assertThat(withBound.rankBy()).isEqualTo(RankBy.P99_LATENCY);
        assertThat(withBound.rows().get(0).cell().p99().lowerBound()).isTrue();
        assertThat(withBound.rows()).extracting(RankedCell::rank).containsExactly(1, 1);
        WorkloadTable without = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b"), exact, List.of()))
                .tables().get(0);
        assertThat(without.rows()).extracting(RankedCell::rank).containsExactly(1, 2);
    }

    private static Trial openTrial(String contestant, int round, dev.stackbench.results.LoadLevel level,
            dev.stackbench.results.Percentiles latency) {
        Trial t = trial(contestant, round, 500);
        return new Trial(contestant, "json", level, round, round, t.started(), 10, 5, 5_000, 500, 0, latency, null,
                latency, t.errors(), t.server(), t.generator(), List.of(), null);
    }
}
