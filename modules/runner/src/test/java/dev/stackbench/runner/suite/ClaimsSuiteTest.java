package dev.stackbench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.LoadLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The claims suite: its matrix and the arithmetic that keeps it within 20 minutes (docs/claims.md). */
class ClaimsSuiteTest {
    @Test
    void claimsIsABuiltInSuiteOfTodaysFourWorkloadsAtOneHundredAndOneThousandConnections() {
        Suite s = Suites.resolve("claims");
        assertThat(s).isSameAs(Suites.CLAIMS);
        assertThat(s.workloads()).containsExactly(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU);
        assertThat(s.levels()).containsExactly(new LoadLevel.Closed(100), new LoadLevel.Closed(1000));
        assertThat(s.contestants()).containsExactly("express", "fastify", "fastapi", "django", "flask", "spring-boot",
                "go-nethttp");
        assertThat(s.trials()).isEqualTo(5);
    }

    @Test
    void itsWorstCaseFitsInTwentyMinutes() {
        Suite s = Suites.CLAIMS;
        int cells = s.workloads().size() * s.levels().size();
        // worst case: every first warm-up runs to its cap, every later one to 3x rewarm (TrialRunner's rule)
        Duration first = s.warmup().plus(s.duration()).plus(s.pause()).multipliedBy(cells);
        Duration later = s.rewarm().multipliedBy(3).plus(s.duration()).plus(s.pause()).multipliedBy((long) cells * (s.trials() - 1));
        Duration measuring = first.plus(later).multipliedBy(s.contestants().size());
        assertThat(measuring).isEqualTo(Duration.ofMillis(924_000));
        // drift reference between rounds (0.5 s warm-up + 1.5 s each, trials + 1 times) and a minute of start-ups
        Duration total = measuring.plus(Duration.ofSeconds(2).multipliedBy(s.trials() + 1)).plus(Duration.ofMinutes(1));
        assertThat(total).isLessThanOrEqualTo(Duration.ofMinutes(17));
        assertThat(s.estimatePerContestant().multipliedBy(s.contestants().size())).isEqualTo(Duration.ofSeconds(700));
    }

    @Test
    void theMessageForAnUnknownSuiteListsIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suites.resolve("claim"))
                .hasMessage("suite 'claim' is neither a built-in suite (quick, seed-table, full, claims) nor a readable YAML file");
    }
}
