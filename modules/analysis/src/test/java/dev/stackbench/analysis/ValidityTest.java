package dev.stackbench.analysis;

import static dev.stackbench.analysis.SyntheticRuns.latency;
import static dev.stackbench.analysis.SyntheticRuns.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.Errors;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidityTest {

    /** A crashed trial with a high req/s, and a trial with 31% errors: neither is ranked, and both say why. */
    @Test
    void invalidAndErrorHeavyTrialsAreNeverRanked() {
        List<Trial> trials = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            trials.add(trial("a", r, 1000 + r));
        }
        trials.add(trial("b", 1, 900));
        trials.add(trial("b", 2, 5000, Errors.NONE, List.of("contestant crashed: killed by SIGKILL"),
                latency(2000, 50_000, 0)));
        // 2,314 ok + 1,040 failed of 3,354 responses: 31.0%
        trials.add(trial("b", 3, 231.4, new Errors(0, 0, 0, 0, Map.of(502, 1_040L)), List.of(),
                latency(2000, 2_314, 0)));
        trials.add(trial("b", 4, 905));
        trials.add(trial("b", 5, 895));
        Trial errorHeavy = trials.get(7);
        // requests counts every response; the fixture helper counted only the successes
        trials.set(7, new Trial(errorHeavy.contestant(), errorHeavy.workload(), errorHeavy.level(), 3, 3,
                errorHeavy.started(), 10, 5, 3_354, 231.4, 0, errorHeavy.latencyMicros(), null, null,
                errorHeavy.errors(), errorHeavy.server(), errorHeavy.generator(), List.of(), null));

        Analysis a = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b"), trials, List.of()));
        Cell b = a.cells().stream().filter(c -> c.key().contestant().equals("b")).findFirst().orElseThrow();
        assertThat(b.ranked()).extracting(Trial::trial).containsExactly(1, 4, 5);
        assertThat(b.excluded()).extracting(Exclusion::trial).containsExactly(2, 3);
        assertThat(b.excluded()).extracting(Exclusion::reason)
                .containsExactly("contestant crashed: killed by SIGKILL", "error rate 31.0% > 5%");
        assertThat(b.throughput().median()).isEqualTo(900);
        assertThat(b.errors()).isZero();
        assertThat(b.flags()).contains(Flag.EXCLUDED);
        assertThat(a.tables().get(0).rows()).extracting(r -> r.cell().key().contestant()).containsExactly("a", "b");
    }

    @Test
    void aCellWithoutAValidTrialIsListedNotRanked() {
        List<Trial> trials = List.of(trial("a", 1, 1000), trial("a", 2, 1010), trial("a", 3, 990),
                trial("b", 1, 9000, Errors.NONE, List.of("database exited during the trial"), latency(2000, 90_000, 0)));
        Analysis a = SyntheticRuns.analyse(SyntheticRuns.run(List.of("a", "b"), trials, List.of()));
        WorkloadTable t = a.tables().get(0);
        assertThat(t.rows()).extracting(r -> r.cell().key().contestant()).containsExactly("a");
        assertThat(t.unranked()).singleElement().satisfies(u -> {
            assertThat(u.key().contestant()).isEqualTo("b");
            assertThat(u.excluded()).extracting(Exclusion::reason).containsExactly("database exited during the trial");
        });
    }

    @Test
    void anErrorRateAtTheThresholdIsStillRanked() {
        // 50 of 1,000 responses failed: exactly 5%
        Trial t = new Trial("a", "json", SyntheticRuns.C100, 1, 1, SyntheticRuns.T0, 10, 5, 1_000, 95, 0,
                latency(2000, 950, 0), null, null, new Errors(0, 0, 0, 0, Map.of(500, 50L)),
                trial("a", 1, 1).server(), trial("a", 1, 1).generator(), List.of(), null);
        assertThat(TrialCheck.errorRate(t)).isEqualTo(0.05);
        assertThat(TrialCheck.exclusion(t, AnalysisSettings.DEFAULTS)).isEmpty();
    }
}
