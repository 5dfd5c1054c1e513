package dev.stackbench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.LoadLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The claims suite: its matrix and the arithmetic that keeps it within 20 minutes (docs/claims.md). */
class ClaimsSuiteTest {
    @Test
    void claimsIsABuiltInSuiteOfTodaysFourWorkloadsAtOneHundredConnectionsAndTheClaimsOwnCellsBeside() {
        Suite s = Suites.resolve("claims");
        assertThat(s).isSameAs(Suites.CLAIMS);
        assertThat(s.workloads()).containsExactly(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU);
        assertThat(s.levels()).containsExactly(new LoadLevel.Closed(100));
        assertThat(s.allLevels()).containsExactly(new LoadLevel.Closed(100), new LoadLevel.Closed(1000), new LoadLevel.Closed(10));
        assertThat(s.contestants()).containsExactly("express", "fastify", "fastapi", "django", "flask", "spring-boot",
                "go-nethttp");
        assertThat(s.trials()).isEqualTo(5);
        assertThat(s.realtime()).contains(new RealtimeCells(java.util.List.of(1000), 10));
        assertThat(s.blocking()).contains(new BlockingCells(800, 5, java.util.List.of("fastify-workers")));
        // the worker-thread variant is started too, and measured on the two blocking cells only
        assertThat(s.contestantsToStart()).endsWith("go-nethttp", "fastify-workers");
        assertThat(s.blockingOnly("fastify-workers")).isTrue();
        assertThat(s.trialsOf("fastify-workers")).isEqualTo(2 * 5);
        assertThat(s.withContestants(java.util.List.of("fastify", "fastify-workers")).blockingOnly("fastify-workers")).isFalse();
        // json, user and io at 1000 for everyone (cpu at 1000, which no claim names, is not measured)
        assertThat(s.connectionCellsOf("spring-boot")).containsExactly(cell(Workload.JSON, 1000), cell(Workload.USER, 1000),
                cell(Workload.IO, 1000));
        // and the node and python contestants at 10 as well: connection scaling from 10 to 1000
        assertThat(s.connectionCellsOf("django")).containsExactly(cell(Workload.JSON, 1000), cell(Workload.USER, 1000),
                cell(Workload.IO, 1000), cell(Workload.JSON, 10), cell(Workload.IO, 10));
    }

    private static Suite.ClosedCell cell(Workload w, int connections) {
        return new Suite.ClosedCell(w, new LoadLevel.Closed(connections));
    }

    @Test
    void itsWorstCaseFitsInTwentyMinutes() {
        Suite s = Suites.CLAIMS;
        int matrix = s.workloads().size() * s.levels().size();
        // blocking: json alone at 800 req/s (the matrix has json only closed) and the mix; every one is an HTTP trial
        int blocking = 2;
        int fanout = s.realtime().orElseThrow().subscribers().size();
        assertThat(s.extraCells()).isEqualTo(blocking + fanout);
        // worst case: every first warm-up runs to its cap, every later one its fixed rewarm (TrialRunner's rule)
        Duration httpCell = s.warmup().plus(s.duration()).plus(s.pause())
                .plus(s.rewarm().plus(s.duration()).plus(s.pause()).multipliedBy(s.trials() - 1L));
        // a fan-out trial also connects its subscribers (1,000 on loopback: well under 1 s) and waits for the last
        // deliveries and the close handshakes after the window: at most its 2 s timeout each, counted in full
        Duration extra = Duration.ofSeconds(5);
        Duration fanoutCell = s.warmup().plus(s.duration()).plus(extra)
                .plus(s.rewarm().plus(s.duration()).plus(extra).multipliedBy(s.trials() - 1L)).multipliedBy(fanout);
        Duration measuring = Duration.ZERO;
        for (String id : s.contestantsToStart()) {
            if (s.blockingOnly(id)) {
                measuring = measuring.plus(httpCell.multipliedBy(blocking));
                continue;
            }
            int http = matrix + blocking + s.connectionCellsOf(id).size();
            measuring = measuring.plus(httpCell.multipliedBy(http)).plus(fanoutCell);
        }
        // 7 x (4 + 2 + 3) HTTP cells, 5 x 2 scaling cells and fastify-workers' 2 blocking cells of 11.5 s, 7 fan-out cells of 36.5 s
        assertThat(httpCell).isEqualTo(Duration.ofMillis(11_500));
        assertThat(measuring).isEqualTo(Duration.ofMillis(1_118_000));
        // drift reference between rounds (0.5 s warm-up + 1.5 s each, trials + 1 times) and a minute of start-ups (8 contestants)
        Duration total = measuring.plus(Duration.ofSeconds(2).multipliedBy(s.trials() + 1)).plus(Duration.ofMinutes(1));
        assertThat(total).isLessThanOrEqualTo(Duration.ofMinutes(20));
        long minimum = s.contestantsToStart().stream().mapToLong(id -> s.estimateOf(id).toMillis()).sum();
        assertThat(minimum).isEqualTo(943_000);
    }

    @Test
    void theMessageForAnUnknownSuiteListsIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suites.resolve("claim"))
                .hasMessage("suite 'claim' is neither a built-in suite (quick, seed-table, full, claims, scaling) nor a readable YAML file");
    }
}
