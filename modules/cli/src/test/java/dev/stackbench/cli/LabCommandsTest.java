package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LabCommandsTest {
    private static final String DIR = CliRun.FAKE_CONTESTANTS.toString();

    @Test
    @Timeout(30)
    void anUnknownContestantIdIsAUsageErrorNamingTheKnownOnes() {
        CliRun run = CliRun.of("verify", "--contestants-dir", DIR, "good", "expresss");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("stackbench: unknown contestant 'expresss': no " + DIR + "/expresss/contestant.yaml;"
                + " known: exits-at-once, good, never-ready, wrong-body\n");
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.of("setup", "--contestants-dir", DIR, "expresss").exitCode()).isEqualTo(2);
    }

    @Test
    @Timeout(30)
    void aMissingContestantsDirectorySaysWhichAndHowToPointElsewhere(@TempDir Path tmp) {
        CliRun run = CliRun.of("contestants", "--contestants-dir", tmp.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("stackbench: contestants directory " + tmp.resolve("nope")
                + " does not exist; pass --contestants-dir DIR (a directory of <id>/contestant.yaml)\n");
    }

    @Test
    @Timeout(30)
    void aServerCpuSetThisMachineDoesNotHaveIsAUsageError() {
        CliRun run = CliRun.of("verify", "--contestants-dir", DIR, "--server-cpus", "4095", "good");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackbench: --server-cpus 4095: this machine has ");
        assertThat(CliRun.of("verify", "--contestants-dir", DIR, "--server-cpus", "1-x", "good").err())
                .isEqualTo("stackbench: --server-cpus \"1-x\": expected CPU numbers and ranges such as 1 or 0-3,6\n");
    }

    @Test
    @Timeout(30)
    void aBadDbUrlIsAUsageError() {
        CliRun run = CliRun.of("verify", "--contestants-dir", DIR, "--db-url", "mysql://u:p@localhost/db", "good");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("stackbench: --db-url \"mysql://u:p@localhost/db\": the scheme is not postgresql;"
                + " expected postgresql://USER:PASSWORD@HOST:PORT/NAME\n");
    }

    @Test
    @Timeout(60)
    void contestantsListsEveryOneWithItsVersionsAndInstallStatus() {
        CliRun run = CliRun.of("contestants", "--contestants-dir", DIR);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).hasSize(6);
        assertThat(run.out()).startsWith("LANGUAGE  ID             FRAMEWORK           RUNTIME                VARIANT    json  user  io   cpu  realtime  INSTALLED\n")
                .containsPattern("\npython +exits-at-once +http.server 3\\.\\d+\\.\\d+ +CPython Python 3\\.\\d+\\.\\d+ +realistic +yes +yes +yes +yes +- +yes\n")
                .containsPattern("\n +good +http.server 3\\.\\d+\\.\\d+ +CPython Python 3\\.\\d+\\.\\d+ +realistic +yes +yes +yes +yes +- +yes\n")
                .endsWith("4 contestants, 1 language, 4 installed\n");
    }

    @Test
    @Timeout(120)
    void verifyPassesTheGoodOneFailsTheOthersWithReasonsAndExitsOne(@TempDir Path logs) {
        CliRun run = CliRun.of("verify", "--contestants-dir", DIR, "--ready-timeout", "3", "--logs-dir", logs.toString(),
                "good", "wrong-body", "exits-at-once");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(run.out())
                .containsPattern("\ngood +pass +21/21 +\\d[\\d.]* m?s\n")
                .containsPattern("\nwrong-body +FAIL +20/21 +\\d[\\d.]* m?s\n    GET /json: body: expected \\{\"message\":\"Hello, World!\"}, got \\{\"message\": \"Hello\"}\n")
                .containsPattern("\nexits-at-once +FAIL +- +-\n    start: contestant 'exits-at-once' exited before answering GET /json \\(exit code 3\\)")
                .contains("logs: " + logs);
    }
}
