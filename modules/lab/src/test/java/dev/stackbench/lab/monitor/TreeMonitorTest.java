package dev.stackbench.lab.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.lab.proc.ProcStat;
import dev.stackbench.lab.proc.ProcTable;
import dev.stackbench.lab.proc.ServerProcess;
import dev.stackbench.lab.proc.ServerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TreeMonitorTest {

    @Test
    @Timeout(30)
    void aBusyChildOfTheTreeCountsWithTheCpuTimeItUsed(@TempDir Path dir) throws Exception {
        // the busy loop is a child of the shell, not the root: the monitor must follow the tree
        ServerSpec spec = ServerSpec.of("busy", List.of("sh", "-c",
                        "/usr/bin/python3 -c 'while True: pass' & /usr/bin/python3 -c 'import time; time.sleep(600)'; wait"),
                dir, Map.of(), Optional.of(FakeContestants.serverCpus()), dir.resolve("out.log"), dir.resolve("err.log"));
        try (ServerProcess busy = ServerProcess.start(spec)) {
            waitForTreeSize(busy, 3);
            KernelUnits units = KernelUnits.read();
            TreeMonitor monitor = new TreeMonitor(busy.pid(), units, TreeMonitor.DEFAULT_INTERVAL);
            long ticksBefore = treeTicks(busy);
            monitor.start();
            Thread.sleep(2_000);
            ResourceSummary used = monitor.stop();
            double cpuSecondsAround = (treeTicks(busy) - ticksBefore) / (double) units.ticksPerSecond();
            // what the tree's own counters grew by just around the window; how much that is
            // depends on how busy the machine is, so only the agreement is asserted
            assertThat(cpuSecondsAround).isGreaterThan(0.05);
            assertThat(used.cpuSeconds()).isBetween(cpuSecondsAround - 0.1, cpuSecondsAround + 0.001);
            assertThat(used.cpuCores()).isLessThanOrEqualTo(1.1); // pinned to one CPU
            assertThat(used.source()).isEqualTo(MonitorSource.PROC);
            assertThat(used.samples()).isBetween(3, 15);
            assertThat(used.duration()).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(10));
            assertThat(used.peakProcesses()).isEqualTo(3);
            // three processes, two of them Python interpreters: a few MiB each at least
            assertThat(used.idleRssBytes()).isGreaterThan(3L << 20);
            assertThat(used.peakRssBytes()).isGreaterThanOrEqualTo(used.meanRssBytes()).isGreaterThan(3L << 20);
        }
    }

    @Test
    @Timeout(30)
    void anIdleTreeUsesAlmostNoCpu(@TempDir Path dir) throws Exception {
        ServerSpec spec = ServerSpec.of("idle", List.of("sleep", "600"), dir, Map.of(), Optional.empty(),
                dir.resolve("out.log"), dir.resolve("err.log"));
        try (ServerProcess idle = ServerProcess.start(spec)) {
            waitForTreeSize(idle, 1);
            TreeMonitor monitor = new TreeMonitor(idle.pid(), KernelUnits.read(), Duration.ofMillis(100));
            monitor.start();
            Thread.sleep(1_000);
            assertThat(monitor.stop().cpuCores()).isBetween(0.0, 0.05);
        }
    }

    private static long treeTicks(ServerProcess p) {
        return ProcTable.snapshot().tree(p.pid()).stream().filter(s -> !s.zombie()).mapToLong(ProcStat::cpuTicks).sum();
    }

    private static void waitForTreeSize(ServerProcess p, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (p.treePids().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.treePids()).hasSize(size);
    }
}
