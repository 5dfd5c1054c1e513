package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CI's integration check: {@code stackbench setup} then {@code stackbench verify} over the real
 * contestants must both succeed (exit 0: all installed, all pass the spec), and verify's table must
 * name every contestant directory with {@code pass} and all its checks, so that one silently left
 * out (e.g. a manifest the catalog skipped) fails too. Tagged {@code integration}, so a plain
 * {@code mvn test} skips it; see docs/lab.md for the command. The contestants directory is
 * {@code -Dstackbench.contestants=DIR} (default: the project's).
 */
@Tag("integration")
class RealContestantsIntegrationTest {

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void everyRealContestantInstallsAndPassesVerification() throws IOException {
        Path dir = Path.of(System.getProperty("stackbench.contestants",
                Path.of("../../contestants").toAbsolutePath().normalize().toString()));
        List<String> ids;
        try (Stream<Path> children = Files.list(dir)) {
            ids = children.filter(c -> Files.isRegularFile(c.resolve("contestant.yaml")))
                    .map(c -> c.getFileName().toString()).filter(id -> !id.startsWith(".")).sorted().toList();
        }
        assertThat(ids).as("contestant directories in " + dir).isNotEmpty();

        CliRun setup = CliRun.of("setup", "--contestants-dir", dir.toString());
        System.out.print(setup.out());
        System.err.print(setup.err());
        assertThat(setup.exitCode()).as("stackbench setup:\n" + setup.out() + setup.err()).isZero();

        CliRun verify = CliRun.of("verify", "--contestants-dir", dir.toString());
        System.out.print(verify.out());
        System.err.print(verify.err());
        assertThat(verify.exitCode()).as("stackbench verify:\n" + verify.out() + verify.err()).isZero();
        assertThat(verify.out()).doesNotContain("FAIL");
        for (String id : ids) {
            assertThat(verify.out()).as("verify's row of " + id)
                    .containsPattern(Pattern.compile("(?m)^" + Pattern.quote(id) + " +pass +(\\d+)/\\1 +\\d+ ms$"));
        }
    }
}
