package dev.stackbench.analysis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Synthetic rounds with a known ratio, drifting from round to round as a shared VM does. */
class LoadComparisonTest {

    private static List<List<LoadRound>> rounds(int n, double ratio, double driftSd, double noiseSd, long seed) {
        Random random = new Random(seed);
        List<LoadRound> old = new ArrayList<>();
        List<LoadRound> neu = new ArrayList<>();
        for (int r = 1; r <= n; r++) {
            double machine = Math.exp(driftSd * random.nextGaussian());
            double a = 10_000 * machine * Math.exp(noiseSd * random.nextGaussian());
            double b = 10_000 * ratio * machine * Math.exp(noiseSd * random.nextGaussian());
            old.add(new LoadRound(r, a, 1e9 / a, 50_000, false, 0));
            neu.add(new LoadRound(r, b, 1e9 / b, 50_000, false, 0));
        }
        return List.of(old, neu);
    }

    @Test
    void aClearlyFasterNewBackendIsFasterThroughDriftBecauseRoundsArePaired() {
        List<List<LoadRound>> r = rounds(6, 1.5, 0.15, 0.02, 7);
        LoadComparison c = LoadComparison.of(r.get(0), r.get(1), AnalysisSettings.DEFAULTS);
        assertThat(c.throughput().verdict()).isEqualTo(Verdict.FASTER);
        assertThat(c.throughput().ratio().method()).isEqualTo(Ratio.Method.PAIRED_ROUNDS);
        assertThat(c.throughput().ratio().interval().orElseThrow().contains(1.5)).isTrue();
        assertThat(c.p99().verdict()).isEqualTo(Verdict.FASTER);
        assertThat(c.rounds()).isEqualTo(6);
    }

    @Test
    void anEqualBackendIsTheSameAndASlowerOneSlower() {
        List<List<LoadRound>> same = rounds(6, 1.0, 0.15, 0.005, 3);
        assertThat(LoadComparison.of(same.get(0), same.get(1), AnalysisSettings.DEFAULTS).throughput().verdict()).isEqualTo(Verdict.SAME);
        List<List<LoadRound>> slower = rounds(6, 0.7, 0.15, 0.02, 5);
        assertThat(LoadComparison.of(slower.get(0), slower.get(1), AnalysisSettings.DEFAULTS).throughput().verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void noisyRoundsGiveUnsureAndTooFewUsableRoundsNoVerdict() {
        List<List<LoadRound>> noisy = rounds(3, 1.05, 0.15, 0.2, 11);
        Judgement j = LoadComparison.of(noisy.get(0), noisy.get(1), AnalysisSettings.DEFAULTS).throughput();
        assertThat(j.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(j.reason()).isEqualTo(Judgement.Reason.INTERVAL_CONTAINS_ONE);
        List<List<LoadRound>> r = rounds(3, 1.5, 0.1, 0.02, 1);
        List<LoadRound> erroring = new ArrayList<>(r.get(1));
        LoadRound bad = erroring.get(1);
        erroring.set(1, new LoadRound(bad.round(), bad.throughputPerSecond(), bad.p99Micros(), bad.latencyCount(), false, 0.2));
        LoadComparison c = LoadComparison.of(r.get(0), erroring, AnalysisSettings.DEFAULTS);
        assertThat(c.rounds()).isEqualTo(2);
        assertThat(c.throughput().reason()).isEqualTo(Judgement.Reason.TOO_FEW_TRIALS);
    }

    @Test
    void aP99ThatTooFewValuesBackGivesNoVerdict() {
        List<List<LoadRound>> r = rounds(6, 1.5, 0.1, 0.02, 2);
        List<LoadRound> few = r.get(1).stream().map(x -> new LoadRound(x.round(), x.throughputPerSecond(), x.p99Micros(), 999, false, 0)).toList();
        LoadComparison c = LoadComparison.of(r.get(0), few, AnalysisSettings.DEFAULTS);
        assertThat(c.p99().reason()).isEqualTo(Judgement.Reason.TOO_FEW_VALUES);
        assertThat(c.throughput().verdict()).isEqualTo(Verdict.FASTER);
    }
}
