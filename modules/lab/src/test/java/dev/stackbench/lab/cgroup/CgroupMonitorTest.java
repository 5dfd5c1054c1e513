package dev.stackbench.lab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.monitor.MonitorSource;
import dev.stackbench.lab.monitor.ResourceSummary;
import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.monitor.TreeMonitor;
import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.lab.proc.ProcStat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** As root with writable cgroups: what the cgroup monitor sees and the /proc sampler cannot. */
class CgroupMonitorTest {
    private static final long MIB = 1 << 20;
    private final HttpClient http = HttpClient.newHttpClient();
    private Cgroups cgroups;

    @TempDir
    Path logs;

    @BeforeEach
    void needsCgroups() {
        cgroups = Cgroups.detect();
        assumeTrue(cgroups.usable(), "cgroups not usable here: " + cgroups.reason());
    }

    private RunningContestant startBurner() {
        return new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(20)), cgroups)
                .start(FakeContestants.burner());
    }

    /** A monitor that only reads at start and at stop, as a sampler would between two samples. */
    private static TreeMonitor procEndpointsOnly(RunningContestant c) {
        return new TreeMonitor(c.process().pid(), KernelUnits.read(), Duration.ofHours(1));
    }

    @Test
    @Timeout(60)
    void aChildThatBurnsOneSecondOfCpuAndExitsCountsInTheCgroupButIsMissedByTheProcTree() throws Exception {
        try (RunningContestant c = startBurner()) {
            ServerMonitor cgroup = c.monitor();
            TreeMonitor proc = procEndpointsOnly(c);
            cgroup.start();
            proc.start();
            get(c, "/burn?ms=1000"); // answered once the child has exited
            ResourceSummary fromProc = proc.stop();
            ResourceSummary fromCgroup = cgroup.stop();
            assertThat(fromCgroup.source()).isEqualTo(MonitorSource.CGROUP);
            assertThat(fromProc.source()).isEqualTo(MonitorSource.PROC);
            // CPU time, not wall time: the child burns 1 s of it however busy the machine is;
            // its interpreter's start-up and the server's handling add a little
            assertThat(fromCgroup.cpuSeconds()).isBetween(0.95, 1.6);
            assertThat(fromProc.cpuSeconds()).isLessThan(0.3);
        }
    }

    @Test
    @Timeout(60)
    void memoryFromTheCgroupCountsPagesSharedWithAForkedWorkerOnce() throws Exception {
        try (RunningContestant c = startBurner()) {
            ServerMonitor cgroup = c.monitor();
            TreeMonitor proc = procEndpointsOnly(c);
            cgroup.start();
            proc.start();
            get(c, "/hold-forked?mb=100");
            ResourceSummary fromProc = proc.stop();
            ResourceSummary fromCgroup = cgroup.stop();
            long cgroupGrowth = fromCgroup.peakRssBytes() - fromCgroup.idleRssBytes();
            long procGrowth = fromProc.peakRssBytes() - fromProc.idleRssBytes();
            assertThat(cgroupGrowth).isBetween(95 * MIB, 140 * MIB);
            // RSS summed over parent and child counts the shared 100 MiB twice
            assertThat(procGrowth).isGreaterThan(195 * MIB);
            assertThat(fromCgroup.peakProcesses()).isEqualTo(2);
            assertThat(fromCgroup.idleRssBytes()).isGreaterThan(2 * MIB); // an interpreter, not nothing
        }
    }

    @Test
    @Timeout(60)
    void stopRemovesTheCgroupAndKillsAProcessThatLeftTheSession() throws Exception {
        Cgroup group;
        long daemon;
        try (RunningContestant c = startBurner()) {
            group = c.process().cgroup().orElseThrow();
            assertThat(group.dirs()).isNotEmpty().allMatch(d -> d.toFile().isDirectory());
            assertThat(group.name()).startsWith("stackbench-burner-" + ProcessHandle.current().pid() + "-");
            assertThat(group.pids()).containsExactly(c.process().pid());
            daemon = Long.parseLong(get(c, "/daemon").replaceAll("\\D", ""));
            ProcStat d = ProcStat.read(daemon).orElseThrow();
            assertThat(d.session()).as("it left the session").isNotEqualTo(c.process().pid());
            assertThat(group.pids()).contains(daemon);
        }
        assertThat(group.dirs()).noneMatch(d -> d.toFile().exists());
        assertThat(ProcStat.read(daemon).map(ProcStat::zombie).orElse(true)).isTrue();
    }

    @Test
    @Timeout(60)
    void aCrashedContestantsCgroupIsRemovedWhenItIsClosed() throws Exception {
        Cgroup group;
        try (RunningContestant c = startBurner()) {
            group = c.process().cgroup().orElseThrow();
            ProcessHandle.of(c.process().pid()).orElseThrow().destroyForcibly();
            c.onExit().get();
            assertThat(group.dirs()).allMatch(d -> d.toFile().isDirectory()); // kept until closed: the monitor reads it
        }
        assertThat(group.dirs()).noneMatch(d -> d.toFile().exists());
    }

    @Test
    @Timeout(30)
    void twoCgroupsOfTheSameNameNeverCollide() throws Exception {
        Cgroup a = cgroups.create("same", java.util.Optional.of(FakeContestants.serverCpus()));
        Cgroup b = Cgroups.detect().create("same", java.util.Optional.empty());
        try {
            assertThat(a.name()).isNotEqualTo(b.name());
            assertThat(a.pinsCpus()).isEqualTo(cgroups.reason().contains("cpuset"));
            assertThat(b.pinsCpus()).isFalse();
            assertThat(a.cpuNanos()).isZero();
            assertThat(a.memoryBytes()).isZero();
        } finally {
            assertThat(a.remove()).isTrue();
            assertThat(b.remove()).isTrue();
        }
        assertThat(a.dirs()).noneMatch(d -> d.toFile().exists());
    }

    private String get(RunningContestant c, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(c.baseUri() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
