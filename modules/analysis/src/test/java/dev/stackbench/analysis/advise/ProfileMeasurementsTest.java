package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run must measure for a profile: exact ladders. */
class ProfileMeasurementsTest {

    @Test
    void everyWorkloadOfTheMixGetsARateLadderUpToThePeakWithHeadroom() {
        List<ProfileMeasurements.Measurement> m = ProfileMeasurements.of(AdviseRuns.profile(AdviseRuns.IO_HEAVY));
        assertThat(m).extracting(ProfileMeasurements.Measurement::workload).containsExactly("io", "user");
        // 25 x √2^i to two significant digits, up to the first step >= 400 x 1.3 = 520
        assertThat(m.get(0).ratesPerCore()).containsExactly(25.0, 35.0, 50.0, 71.0, 100.0, 140.0, 200.0, 280.0, 400.0,
                570.0);
        assertThat(m.get(0).ioMillis()).isEqualTo(50);
        assertThat(m.get(0).stopAboveP99Micros()).isEqualTo(400_000);
        assertThat(m.get(0).errorBudget()).isEqualTo(0.01);
        assertThat(m.get(1).ratesPerCore()).isEqualTo(m.get(0).ratesPerCore());
    }

    @Test
    void aZeroShareIsNotMeasuredAndATinyPeakStillGetsOneStep() {
        List<ProfileMeasurements.Measurement> m = ProfileMeasurements.of(
                AdviseRuns.profile("mix: {json: 0, cpu: 100}\npeak: 5\np99: 1s\n"));
        assertThat(m).extracting(ProfileMeasurements.Measurement::workload).containsExactly("cpu");
        assertThat(m.get(0).ratesPerCore()).containsExactly(25.0);
    }

    @Test
    void trialsAreLongEnoughForAP99AtEveryStep() {
        assertThat(ProfileMeasurements.trialSeconds(25)).isEqualTo(40);
        assertThat(ProfileMeasurements.trialSeconds(1000)).isEqualTo(10);
    }
}
