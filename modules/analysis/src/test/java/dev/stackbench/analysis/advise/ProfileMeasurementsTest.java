package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a run must measure for a profile: the mix as one request mix, exact weights and ladders. */
class ProfileMeasurementsTest {

    @Test
    void theMixIsOneRequestMixOnARateLadderUpToThePeakWithHeadroom() {
        ProfileMeasurements.MixLadder m = ProfileMeasurements.mix(AdviseRuns.profile(AdviseRuns.IO_HEAVY));
        // 80% io, 20% user: weights 4 and 1
        assertThat(m.mix()).containsExactly(new ProfileMeasurements.Weighted("io", 4), new ProfileMeasurements.Weighted("user", 1));
        // 25 x √2^i to two significant digits, up to the first step >= 400 x 1.3 = 520
        assertThat(m.ratesPerCore()).containsExactly(25.0, 35.0, 50.0, 71.0, 100.0, 140.0, 200.0, 280.0, 400.0, 570.0);
        assertThat(m.ioMillis()).isEqualTo(50);
        assertThat(m.stopAboveP99Micros()).isEqualTo(400_000);
        assertThat(m.errorBudget()).isEqualTo(0.01);
    }

    @Test
    void weightsAreThePerMilleSharesOverTheirGreatestCommonDivisor() {
        assertThat(ProfileMeasurements.mix(AdviseRuns.profile("mix: {user: 70%, io: 20%, cpu: 10%}\npeak: 100\np99: 1s\n")).mix())
                .containsExactly(new ProfileMeasurements.Weighted("user", 7), new ProfileMeasurements.Weighted("io", 2),
                        new ProfileMeasurements.Weighted("cpu", 1));
        assertThat(ProfileMeasurements.mix(AdviseRuns.profile("mix: {user: 33.3%, io: 66.7%}\npeak: 100\np99: 1s\n")).mix())
                .containsExactly(new ProfileMeasurements.Weighted("user", 333), new ProfileMeasurements.Weighted("io", 667));
    }

    @Test
    void aZeroShareIsNotSentAndATinyPeakStillGetsOneStep() {
        ProfileMeasurements.MixLadder m = ProfileMeasurements.mix(AdviseRuns.profile("mix: {json: 0, cpu: 100}\npeak: 5\np99: 1s\n"));
        assertThat(m.mix()).containsExactly(new ProfileMeasurements.Weighted("cpu", 1));
        assertThat(m.ratesPerCore()).containsExactly(25.0);
    }

    @Test
    void trialsAreLongEnoughForAP99AtEveryStep() {
        assertThat(ProfileMeasurements.trialSeconds(25)).isEqualTo(40);
        assertThat(ProfileMeasurements.trialSeconds(1000)).isEqualTo(10);
        // a level within the error budget keeps its 1,000 values
        assertThat(ProfileMeasurements.valuesPerTrial(0.01)).isEqualTo(1011);
        assertThat(ProfileMeasurements.valuesPerTrial(0)).isEqualTo(1000);
        assertThat(ProfileMeasurements.valuesPerTrial(0.05)).isEqualTo(1053);
    }
}
