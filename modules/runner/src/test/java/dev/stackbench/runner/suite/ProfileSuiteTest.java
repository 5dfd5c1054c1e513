package dev.stackbench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.advise.Profile;
import dev.stackbench.analysis.advise.ProfileReader;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.LoadLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite a profile makes: its mix as one request mix on the √2 ladder per core, with the profile's rules. */
class ProfileSuiteTest {
    private static final String IO_HEAVY = """
            mix: {io: 80%, user: 20%}
            ioMillis: 50
            peak: 400
            p99: 200ms
            headroom: 30%
            """;

    @Test
    void theIoHeavyProfileSendsIoAndUserAsOneMixOnTheLadderTimesTheCores() {
        Profile p = ProfileReader.parse(IO_HEAVY, "io-heavy.yaml");
        Suite one = ProfileSuite.of(p, 1, Suites.DEFAULT_CPUS);
        assertThat(one.name()).isEqualTo("profile");
        assertThat(one.workloads()).isEmpty();
        assertThat(one.ladder().orElseThrow().mix()).containsExactly(new Ladder.Share(Workload.IO, 4), new Ladder.Share(Workload.USER, 1));
        // one mix cell per rate, 3 rounds
        assertThat(one.trialsPerContestant()).isEqualTo(30);
        assertThat(one.levels()).extracting(l -> ((LoadLevel.Open) l).ratePerSecond())
                .containsExactly(25.0, 35.0, 50.0, 71.0, 100.0, 140.0, 200.0, 280.0, 400.0, 570.0);
        assertThat(one.params().ioMillis()).isEqualTo(50);
        assertThat(one.trials()).isEqualTo(3);
        assertThat(one.ladder().orElseThrow().stopAboveP99Micros()).isEqualTo(400_000);
        assertThat(one.ladder().orElseThrow().errorBudget()).isEqualTo(p.errorBudget());
        // 1,011 intended requests per trial (1,000 values within the 1% error budget), at least 10 s: 41 s at 25 req/s,
        // 10 s from 110 req/s
        assertThat(one.ladder().orElseThrow().valuesPerTrial()).isEqualTo(1011);
        assertThat(one.duration(new LoadLevel.Open(25))).isEqualTo(Duration.ofSeconds(41));
        assertThat(one.duration(new LoadLevel.Open(35))).isEqualTo(Duration.ofSeconds(29));
        assertThat(one.duration(new LoadLevel.Open(570))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ProfileSuite.of(p, 2, Suites.DEFAULT_CPUS).levels().get(0)).isEqualTo(new LoadLevel.Open(50));
        assertThat(one.contestants()).isEqualTo(Suites.QUICK_CONTESTANTS);
        assertThat(List.of(one.aa())).containsExactly(java.util.Optional.empty());
    }
}
