package dev.stackbench.lab.contestant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.StartException;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.proc.FreePort;
import dev.stackbench.lab.proc.ProcStat;
import dev.stackbench.lab.proc.ProcTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ContestantLauncherTest {
    private final Catalog fakes = FakeContestants.catalog();

    @TempDir
    Path logs;

    @Test
    @Timeout(30)
    void startsPinnedWithItsEnvironmentAndStopsTheWholeTreeEscapeeIncluded() throws Exception {
        ContestantLauncher launcher = new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(20)));
        RunningContestant c = launcher.start(fakes.manifest("good"));
        List<Long> tree;
        try (c) {
            assertThat(c.startupMillis()).isBetween(1L, 20_000L);
            assertThat(c.workers()).isEqualTo(3); // perCpu 2 * 1 CPU + 1
            tree = c.process().treePids();
            assertThat(tree).contains(c.process().pid()).hasSize(2); // the server and its escapee
            ProcTable now = ProcTable.snapshot();
            assertThat(tree.stream().map(p -> now.get(p).pgrp()).collect(Collectors.toSet()))
                    .as("the escapee left the group").hasSize(2);
            for (long pid : tree) {
                assertThat(cpusAllowed(pid)).isEqualTo(FakeContestants.serverCpus().toString());
            }
            assertThat(Files.readString(logs.resolve("good.stdout.log")))
                    .contains("serving on port " + c.port() + " as pid " + c.process().pid() + " with 3 workers, 1 cpus, workers=3");
        }
        assertGone(tree, c.port());
    }

    @Test
    @Timeout(30)
    void aStartCommandThatExitsAtOnceNamesItsExitCodeAndShowsItsOutput() {
        ContestantLauncher launcher = new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(20)));
        long t0 = System.nanoTime();
        StartException e = catchThrowableOfType(() -> launcher.start(fakes.manifest("exits-at-once")), StartException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("fails fast, not at the deadline").isLessThan(Duration.ofSeconds(10));
        assertThat(e.name()).isEqualTo("exits-at-once");
        assertThat(e.getMessage())
                .startsWith("contestant 'exits-at-once' exited before answering GET /json (exit code 3)")
                .contains("last 20 lines of its stdout (" + logs.resolve("exits-at-once.stdout.log") + "):\n    reading settings")
                .contains("last 20 lines of its stderr (" + logs.resolve("exits-at-once.stderr.log") + "):\n    boom: DB_URL is not set");
    }

    @Test
    @Timeout(30)
    void aContestantThatNeverBecomesReadyFailsAtTheDeadlineAndLeavesNoProcess() throws Exception {
        ContestantLauncher launcher = new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(2)));
        long t0 = System.nanoTime();
        StartException e = catchThrowableOfType(() -> launcher.start(fakes.manifest("never-ready")), StartException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(12));
        assertThat(e.getMessage())
                .startsWith("contestant 'never-ready' did not answer GET /json with 200 within 2 s (still running; last answer: ")
                .contains("\n    warming up forever as pid ")
                .contains("stderr (" + logs.resolve("never-ready.stderr.log") + "): (empty)");
        // the shell and its two sleeps were one session, led by the shell: none may be left
        String log = Files.readString(logs.resolve("never-ready.stdout.log"));
        long session = Long.parseLong(log.replaceAll("(?s).*warming up forever as pid (\\d+).*", "$1"));
        assertThat(ProcTable.snapshot().all()).noneMatch(s -> !s.zombie() && (s.session() == session || s.pid() == session));
    }

    static String cpusAllowed(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.split("\\s+")[1]).findFirst().orElseThrow();
    }

    /** No pid of the tree is alive and the port is free. */
    static void assertGone(List<Long> tree, int port) {
        assertThat(tree).isNotEmpty().allMatch(p -> ProcStat.read(p).map(ProcStat::zombie).orElse(true));
        assertThat(FreePort.isFree(port)).isTrue();
        assertThat(Set.copyOf(tree)).hasSameSizeAs(tree);
    }
}
