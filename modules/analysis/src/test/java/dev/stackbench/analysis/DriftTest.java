package dev.stackbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.ReferenceMeasurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

    static List<ReferenceMeasurement> reference(double... rps) {
        return java.util.stream.IntStream.range(0, rps.length)
                .mapToObj(i -> new ReferenceMeasurement(i + 1, SyntheticRuns.T0.plusSeconds(60L * i), rps[i], 1000))
                .toList();
    }

    @Test
    void aSteadyReferenceRaisesNoWarning() {
        Drift d = Drift.of(reference(20_000, 20_200, 19_900, 20_100), 0.05).orElseThrow();
        assertThat(d.exceeded()).isFalse();
        assertThat(d.measurements()).isEqualTo(4);
    }

    @Test
    void aDriftingReferenceWarnsWithItsFigure() {
        Analysis a = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a"), List.of(SyntheticRuns.trial("a", 1, 100)),
                reference(20_000, 17_000, 21_000, 18_500)));
        Drift d = a.driftWarning().orElseThrow();
        assertThat(d.throughput().cv()).isBetween(0.08, 0.10);
    }

    @Test
    void oneMeasurementIsNoDrift() {
        assertThat(Drift.of(reference(20_000), 0.05)).isEmpty();
    }
}
