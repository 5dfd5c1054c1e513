package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CI's integration check: {@code stackbench setup} then {@code stackbench verify} over the real
 * contestants must both succeed (exit 0: all installed, all pass the spec). Tagged
 * {@code integration}, so a plain {@code mvn test} skips it; see docs/lab.md for the command.
 * The contestants directory is {@code -Dstackbench.contestants=DIR} (default: the project's).
 */
@Tag("integration")
class RealContestantsIntegrationTest {

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void everyRealContestantInstallsAndPassesVerification() {
        String dir = System.getProperty("stackbench.contestants",
                Path.of("../../contestants").toAbsolutePath().normalize().toString());
        CliRun setup = CliRun.of("setup", "--contestants-dir", dir);
        System.out.print(setup.out());
        System.err.print(setup.err());
        assertThat(setup.exitCode()).as("stackbench setup:\n" + setup.out() + setup.err()).isZero();

        CliRun verify = CliRun.of("verify", "--contestants-dir", dir);
        System.out.print(verify.out());
        System.err.print(verify.err());
        assertThat(verify.exitCode()).as("stackbench verify:\n" + verify.out() + verify.err()).isZero();
        assertThat(verify.out()).doesNotContain("FAIL");
    }
}
