package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stackbench run} end to end: a tiny suite with two real contestants (Node's http module
 * and Flask on gunicorn) against the private PostgreSQL. Needs them installed ({@code stackbench
 * setup}), so it is tagged {@code integration} and run by CI after setup (see .ci/run).
 */
@Tag("integration")
class RunEndToEndIntegrationTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTinySuiteMeasuresTwoRealContestantsAndWritesTheResultsDirectory(@TempDir Path tmp) throws Exception {
        String contestants = System.getProperty("stackbench.contestants",
                Path.of("../../contestants").toAbsolutePath().normalize().toString());
        Path suite = tmp.resolve("tiny.yaml");
        Files.writeString(suite, String.join("\n",
                "name: tiny",
                "contestants: [node-http, flask]",
                "workloads: [json, user]",
                "levels: [{connections: 8}, {rate: 200}]",
                "openConnections: 16",
                "trials: 2",
                "warmup: 500ms",
                "duration: 1s",
                "pause: 100ms",
                ""));
        Path results = tmp.resolve("results");

        CliRun run = CliRun.of("run", "--suite", suite.toString(), "--contestants-dir", contestants,
                "--results", results.toString(), "--no-setup");
        System.out.print(run.out());
        System.err.print(run.err());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<Path> dirs;
        try (var list = Files.list(results)) {
            dirs = list.toList();
        }
        assertThat(dirs).hasSize(1);
        Path dir = dirs.get(0);
        assertThat(dir.getFileName().toString()).endsWith("-tiny");
        Run recorded = ResultsDirectory.open(dir).run();
        assertThat(recorded.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(recorded.contestants()).extracting(c -> c.id()).containsExactly("node-http", "flask");
        assertThat(recorded.contestants()).allSatisfy(c -> {
            assertThat(c.status()).isInstanceOf(ContestantStatus.Measured.class);
            assertThat(c.startupMillis()).isPositive();
            assertThat(c.idleRssBytes()).isPositive();
        });
        // 2 contestants x 2 workloads x 2 levels x 2 trials, in 2 interleaved rounds, the drift reference between them
        assertThat(recorded.trials()).hasSize(16);
        assertThat(recorded.trials().subList(0, 8)).allMatch(t -> t.round() == 1);
        assertThat(recorded.plan().rounds()).isEqualTo(2);
        assertThat(recorded.reference()).hasSize(3);
        for (Trial t : recorded.trials()) {
            assertThat(t.requests()).as("%s %s %s", t.contestant(), t.workload(), t.level().label()).isPositive();
            assertThat(t.errors().total()).as("errors of %s %s %s", t.contestant(), t.workload(), t.level().label()).isZero();
            assertThat(t.server().cpuCores()).isPositive();
            assertThat(t.server().rssPeakBytes()).isPositive();
            assertThat(Files.exists(dir.resolve(t.histogramLog()))).isTrue();
            // the interval log holds the requests intended inside the window; requests counts those completed
            // inside it: they differ by what was in flight at its start (at most one per connection, <= 16 here)
            assertThat(TrialLogs.read(dir.resolve(t.histogramLog())).latency().getTotalCount())
                    .isCloseTo(t.requests(), org.assertj.core.data.Offset.offset(16L));
            assertThat(t.round()).isEqualTo(t.trial());
            assertThat(t.valid()).isTrue();
        }
        assertThat(recorded.trials()).filteredOn(t -> t.level().label().equals("r200"))
                .allSatisfy(t -> assertThat(t.throughputPerSecond()).isBetween(150.0, 250.0));
        assertThat(recorded.environment().serverCpus()).isEqualTo("1");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<canvas");
        assertThat(Files.list(dir.resolve("logs")).map(p -> p.getFileName().toString()))
                .contains("node-http.stdout.log", "flask.stderr.log");
        assertThat(run.out()).contains("== json — 8 connections").contains("node-http").contains("flask");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSuiteWithoutTheUserWorkloadStillGivesContestantsTheirDatabase(@TempDir Path tmp) throws Exception {
        String contestants = System.getProperty("stackbench.contestants",
                Path.of("../../contestants").toAbsolutePath().normalize().toString());
        Path suite = Files.writeString(tmp.resolve("json-only.yaml"),
                "name: json-only\ncontestants: [node-http]\nworkloads: [json]\nlevels: [{connections: 4}]\nwarmup: 200ms\nduration: 1s\n");

        CliRun run = CliRun.of("run", "--suite", suite.toString(), "--contestants-dir", contestants,
                "--results", tmp.resolve("results").toString(), "--no-setup");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("database: ").doesNotContain("not measured");
    }
}
