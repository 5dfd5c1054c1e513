package dev.stackbench.lab.contestant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.cgroup.Cgroups;
import dev.stackbench.lab.monitor.MonitorSource;
import dev.stackbench.lab.proc.Exit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TrialWatchTest {
    @TempDir
    Path logs;

    private ContestantLauncher launcher(Cgroups cgroups) {
        return new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(20)), cgroups);
    }

    @Test
    @Timeout(30)
    void aContestantKilledWithSigkillMidTrialIsNoticedAtOnceWithTheSignalAndItsStderr() throws Exception {
        try (RunningContestant c = launcher(Cgroups.detect()).start(FakeContestants.burner())) {
            TrialWatch watch = TrialWatch.start(c, Optional.empty());
            assertThat(watch.fault()).isEmpty();
            assertThat(c.exited()).isEmpty();
            new ProcessBuilder("kill", "-KILL", Long.toString(c.process().pid())).start().waitFor();
            Fault fault = watch.onFault().get(10, TimeUnit.SECONDS);
            assertThat(fault).isInstanceOf(Fault.ContestantExited.class);
            assertThat(fault.blamesDatabase()).isFalse();
            Exit exit = ((Fault.ContestantExited) fault).exit();
            assertThat(exit.signalName()).contains("SIGKILL");
            assertThat(exit.exitCode()).isEmpty();
            assertThat(exit.stoppedByLab()).isFalse();
            assertThat(exit.stderrTail()).containsExactly("burner: line 1", "burner: line 2", "burner: line 3");
            assertThat(fault.describe()).isEqualTo("contestant 'burner' was killed by SIGKILL; last 3 lines of its stderr:"
                    + "\n    burner: line 1\n    burner: line 2\n    burner: line 3");
            TrialUsage usage = watch.stop();
            assertThat(usage.valid()).isFalse();
            assertThat(usage.fault()).contains(fault);
            assertThat(usage.database()).isEmpty();
            assertThat(c.exited()).contains(exit);
        }
    }

    @Test
    @Timeout(30)
    void aContestantThatExitsWithACodeIsReportedWithTheCodeAndItsLastWords() throws Exception {
        try (RunningContestant c = launcher(Cgroups.detect()).start(FakeContestants.burner())) {
            TrialWatch watch = TrialWatch.start(c, Optional.empty());
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(c.baseUri() + "/exit?code=3")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException expected) {
                // it exits instead of answering
            }
            Fault fault = watch.onFault().get(10, TimeUnit.SECONDS);
            Exit exit = ((Fault.ContestantExited) fault).exit();
            assertThat(exit.exitCode()).hasValue(3);
            assertThat(exit.signal()).isEmpty();
            assertThat(fault.describe()).startsWith("contestant 'burner' exited with code 3; last 4 lines of its stderr:")
                    .endsWith("\n    burner: exiting with 3");
        }
    }

    @Test
    @Timeout(30)
    void stoppingTheContestantAfterTheTrialIsNoFault() throws Exception {
        RunningContestant c = launcher(Cgroups.detect()).start(FakeContestants.burner());
        TrialWatch watch = TrialWatch.start(c, Optional.empty());
        TrialUsage usage = watch.stop();
        c.close();
        assertThat(usage.valid()).isTrue();
        assertThat(c.exited()).hasValueSatisfying(e -> assertThat(e.stoppedByLab()).isTrue());
        assertThat(watch.fault()).isEmpty();
        assertThat(watch.onFault()).isNotDone();
    }

    @Test
    @Timeout(30)
    void withoutCgroupsTheContestantIsPinnedByTasksetAndMeasuredFromProc() throws Exception {
        try (RunningContestant c = launcher(Cgroups.none("asked not to")).start(FakeContestants.burner())) {
            assertThat(c.process().cgroup()).isEmpty();
            assertThat(c.process().cgroupProblem()).contains("asked not to");
            assertThat(ContestantLauncherTest.cpusAllowed(c.process().pid())).isEqualTo(FakeContestants.serverCpus().toString());
            TrialWatch watch = TrialWatch.start(c, Optional.empty());
            Thread.sleep(300);
            TrialUsage usage = watch.stop();
            assertThat(usage.contestant().source()).isEqualTo(MonitorSource.PROC);
            assertThat(usage.contestant().samples()).isGreaterThanOrEqualTo(2);
            assertThat(usage.contestant().monitorCpuNanos()).isPositive();
            assertThat(usage.contestant().idleRssBytes()).isGreaterThan(1L << 20);
        }
    }
}
