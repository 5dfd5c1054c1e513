package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ContestantsCommandTest {

    /** A valid manifest whose version commands print fixed strings (no runtime needed). */
    private static void contestant(Path dir, String id, String language, String workloads, String command)
            throws IOException {
        Path d = Files.createDirectories(dir.resolve(id));
        Files.writeString(d.resolve("contestant.yaml"), String.join("\n",
                "id: " + id,
                "name: " + id,
                "language: " + language,
                "runtime:",
                "  name: R",
                "  version: [sh, -c, 'echo 1.0']",
                "framework:",
                "  name: F",
                "  version: [sh, -c, 'echo 2.0']",
                "requires:",
                "  commands: [" + command + "]",
                "start: [sh, -c, 'exit 0']",
                "workers:",
                "  perCpu: 1",
                "  source: https://example.org/workers",
                "ready: /json",
                "workloads: [" + workloads + "]",
                ""));
    }

    @Test
    @Timeout(60)
    void groupsByLanguageAndMarksEachWorkloadItImplements(@TempDir Path dir) throws IOException {
        contestant(dir, "b-py", "python", "json, cpu", "sh");
        contestant(dir, "a-go", "go", "json, user, io, cpu", "sh");
        contestant(dir, "a-py", "python", "json", "no-such-command-for-this-test");
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/contestant.yaml"), "id: broken\n");

        CliRun run = CliRun.of("contestants", "--contestants-dir", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo(
                "LANGUAGE  ID      FRAMEWORK  RUNTIME  VARIANT    json  user  io   cpu  realtime  INSTALLED");
        assertThat(lines.get(1)).isEqualTo(
                "go        a-go    F 2.0      R 1.0    realistic  yes   yes   yes  yes  -         yes");
        // The language is named once per group; ids sorted within it.
        assertThat(lines.get(2)).isEqualTo("python    a-py    F ?        R 1.0    realistic  yes   -     -    -    -"
                + "         no: command 'no-such-command-for-this-test' not found on PATH");
        assertThat(lines.get(3)).isEqualTo(
                "          b-py    F 2.0      R 1.0    realistic  yes   -     -    yes  -         yes");
        assertThat(lines.get(4)).isEqualTo(
                "?         broken  ?          ?        ?          ?     ?     ?    ?    ?         no: invalid manifest");
        assertThat(lines.get(5)).startsWith("    ").contains("broken/contestant.yaml").contains("missing field");
        assertThat(lines.get(6)).isEqualTo("4 contestants, 2 languages, 2 installed");
    }

    @Test
    @Timeout(30)
    void anEmptyDirectorySaysSo(@TempDir Path dir) {
        CliRun run = CliRun.of("contestants", "--contestants-dir", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("no contestants in " + dir.toAbsolutePath().normalize() + "\n");
    }
}
