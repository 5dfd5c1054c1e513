package dev.stackbench.lab.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stackbench.lab.cgroup.Cgroups;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL runs no shutdown hook: the watchdog must still take its servers down. */
class WatchdogTest {

    /** Run in a child JVM: starts a server tree and a directory to remove, prints the pid, waits to be killed. */
    public static final class Orphaner {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Cgroups cgroups = args.length > 1 ? Cgroups.detect() : Cgroups.none("not asked for");
            ServerProcess server = ServerProcess.start(new ServerSpec("orphan", List.of("sh", "-c", "sleep 600 & sleep 600"),
                    dir, Map.of(), Optional.empty(), dir.resolve("out.log"), dir.resolve("err.log"), "TERM",
                    Duration.ofSeconds(1), Optional.of(dir.resolve("data"))), cgroups);
            System.out.println(server.pid());
            System.out.println(server.cgroup().map(g -> g.dirs().stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(","))).orElse(""));
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    @Test
    @Timeout(60)
    void killingTheJvmKillsTheServerTreeAndRemovesItsDirectory(@TempDir Path dir) throws Exception {
        orphanAndKillTheJvm(dir, false);
    }

    @Test
    @Timeout(60)
    void killingTheJvmAlsoRemovesTheServersCgroup(@TempDir Path dir) throws Exception {
        Cgroups cgroups = Cgroups.detect();
        assumeTrue(cgroups.usable(), "cgroups not usable here: " + cgroups.reason());
        List<Path> groups = orphanAndKillTheJvm(dir, true);
        assertThat(groups).isNotEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (groups.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(groups).noneMatch(Files::exists);
    }

    /** @return the server's cgroup directories (none without cgroups) */
    private static List<Path> orphanAndKillTheJvm(Path dir, boolean cgroup) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Orphaner.class.getName(), dir.toString()));
        if (cgroup) {
            cmd.add("cgroup");
        }
        Process jvm = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long pid;
        List<Path> groups;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            pid = Long.parseLong(out.readLine().strip());
            String line = out.readLine().strip();
            groups = line.isEmpty() ? List.of() : java.util.Arrays.stream(line.split(",")).map(Path::of).toList();
            assertThat(groups).allMatch(Files::isDirectory);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcTable.snapshot().tree(pid).size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcTable.snapshot().tree(pid)).hasSize(3);
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ProcTable.snapshot().tree(pid).stream().allMatch(ProcStat::zombie) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcTable.snapshot().tree(pid)).allMatch(ProcStat::zombie);
        while (Files.exists(dir.resolve("data")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(dir.resolve("data")).doesNotExist();
        return groups;
    }
}
