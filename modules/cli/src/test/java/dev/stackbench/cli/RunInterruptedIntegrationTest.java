package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.ResultsDirectory;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code stackbench run}: a child JVM runs a suite and gets SIGTERM (the shutdown
 * path Ctrl-C takes) once its first trial is written. The partial results stay reportable,
 * marked interrupted, and no contestant process survives. Needs a real contestant, so tagged
 * {@code integration}.
 */
@Tag("integration")
class RunInterruptedIntegrationTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSignalKeepsThePartialResultsAndStopsTheContestant(@TempDir Path tmp) throws Exception {
        String contestants = System.getProperty("stackbench.contestants",
                Path.of("../../contestants").toAbsolutePath().normalize().toString());
        Path suite = Files.writeString(tmp.resolve("long.yaml"), "name: long\ncontestants: [node-http]\nworkloads: [json]\n"
                + "levels: [{connections: 4}]\ntrials: 50\nwarmup: 100ms\nduration: 1s\npause: 100ms\n");
        Path results = tmp.resolve("results");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--suite", suite.toString(),
                "--contestants-dir", contestants, "--results", results.toString(), "--no-setup")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        try {
            Path runJson = waitForFirstTrial(results, child);
            long serverPid = serverPid();
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("stackbench stopped within 30 s").isTrue();

            Run run = ResultsDirectory.open(runJson.getParent()).run();
            assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(run.trials()).isNotEmpty().hasSizeLessThan(50);
            assertThat(CliRun.of("report", runJson.getParent().toString(), "--format", "text").exitCode()).isZero();
            if (serverPid > 0) {
                assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false))
                        .as("contestant process %d is gone", serverPid).isFalse();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static Path waitForFirstTrial(Path results, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(results)) {
                try (var dirs = Files.list(results)) {
                    for (Path dir : dirs.toList()) {
                        Path runJson = dir.resolve("run.json");
                        if (Files.exists(runJson) && Files.readString(runJson).contains("\"histogramLog\"")) {
                            return runJson;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trial was written within 90 s (alive: " + child.isAlive() + ")");
    }

    /** @return the pid of the running node-http contestant, from the live process table; 0 if not found */
    private static long serverPid() {
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("node") && c.contains("server.js")).orElse(false)).toList();
        return servers.isEmpty() ? 0 : servers.get(0).pid();
    }
}
