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
        assertThat(s.realtime()).contains(new RealtimeCells(java.util.List.of(1000), 10));
        assertThat(s.blocking()).contains(BlockingCells.DEFAULT);
    }

    @Test
    void itsWorstCaseFitsInTwentyMinutes() {
        Suite s = Suites.CLAIMS;
        int http = s.workloads().size() * s.levels().size();
        // blocking: json alone at 200 req/s (the matrix has json only closed) and the mix; every one is an HTTP trial
        int blocking = 2;
        int fanout = s.realtime().orElseThrow().subscribers().size();
        assertThat(s.extraCells()).isEqualTo(blocking + fanout);
        // worst case: every first warm-up runs to its cap, every later one its fixed rewarm (TrialRunner's rule)
        Duration first = s.warmup().plus(s.duration()).plus(s.pause()).multipliedBy(http + blocking);
        Duration later = s.rewarm().plus(s.duration()).plus(s.pause()).multipliedBy((long) (http + blocking) * (s.trials() - 1));
        // a fan-out trial also connects its subscribers (1,000 on loopback: well under 1 s) and waits for the last
        // deliveries and the close handshakes after the window: at most its 2 s timeout each, counted in full
        Duration extra = Duration.ofSeconds(5);
        Duration fanoutFirst = s.warmup().plus(s.duration()).plus(extra).multipliedBy(fanout);
        Duration fanoutLater = s.rewarm().plus(s.duration()).plus(extra).multipliedBy((long) fanout * (s.trials() - 1));
        Duration measuring = first.plus(later).plus(fanoutFirst).plus(fanoutLater).multipliedBy(s.contestants().size());
        assertThat(measuring).isEqualTo(Duration.ofMillis(1_060_500));
        // drift reference between rounds (0.5 s warm-up + 1.5 s each, trials + 1 times) and a minute of start-ups
        Duration total = measuring.plus(Duration.ofSeconds(2).multipliedBy(s.trials() + 1)).plus(Duration.ofMinutes(1));
        assertThat(total).isLessThanOrEqualTo(Duration.ofMinutes(19));
        assertThat(s.estimatePerContestant().multipliedBy(s.contestants().size())).isEqualTo(Duration.ofMillis(885_500));
    }

    @Test
    void theMessageForAnUnknownSuiteListsIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suites.resolve("claim"))
                .hasMessage("suite 'claim' is neither a built-in suite (quick, seed-table, full, claims) nor a readable YAML file");
    }
}
