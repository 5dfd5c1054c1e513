package dev.stackbench.lab.contestant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.manifest.ManifestReader;
import dev.stackbench.lab.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SetupTest {
    @TempDir
    Path root;

    private Manifest manifest(String id, String requires, String install, String check) throws Exception {
        Path dir = Files.createDirectories(root.resolve("contestants").resolve(id));
        Files.writeString(dir.resolve("contestant.yaml"), """
                id: %s
                name: %s
                language: shell
                runtime: {name: sh, version: [sh, -c, "echo 1.0"]}
                framework: {name: none, version: [sh, -c, "echo 2.0"]}
                requires: %s
                install: %s
                check: %s
                start: [sh, -c, "sleep 1"]
                workers: {perCpu: 1, source: "test"}
                ready: /json
                workloads: [json]
                """.formatted(id, id, requires, install, check));
        return new ManifestReader().read(dir.resolve("contestant.yaml"));
    }

    @Test
    void aMissingRuntimeIsReportedNotInstalledWithTheAptCommandWhenNotRoot() throws Exception {
        Manifest m = manifest("ghost", "{commands: [no-such-runtime-xyz], debian: [no-such-package-xyz]}", "[]", "[]");
        List<String> progress = new ArrayList<>();
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), root.resolve("logs"), progress::add, false)
                .run(List.of(m));
        assertThat(progress).contains("not root: install the Debian packages yourself:"
                + " sudo apt-get install -y --no-install-recommends no-such-package-xyz");
        assertThat(infos.get(0).status()).isEqualTo(new InstallStatus.NotInstalled(
                "command 'no-such-runtime-xyz' not found on PATH; install it with: apt-get install -y no-such-package-xyz"
                        + " (Debian packages missing; run: sudo apt-get install -y --no-install-recommends no-such-package-xyz)"));
    }

    @Test
    void aFailingInstallStepIsReportedWithItsExitCodeAndLog() throws Exception {
        Manifest m = manifest("broken", "{commands: [sh]}", "[[sh, -c, \"echo compiling; exit 4\"]]", "[]");
        Path logs = root.resolve("logs");
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), logs, line -> { }, false).run(List.of(m));
        assertThat(infos.get(0).status()).isEqualTo(new InstallStatus.NotInstalled(
                "install step `sh -c echo compiling; exit 4` failed (exit code 4); see " + logs.resolve("setup-broken.log")));
        assertThat(logs.resolve("setup-broken.log")).hasContent("compiling");
    }

    @Test
    void installThenCheckMakesItInstalledWithItsVersions() throws Exception {
        Manifest m = manifest("fine", "{commands: [sh]}", "[[touch, built]]", "[[test, -f, built]]");
        assertThat(Installation.fromEnvironment().status(m)).isEqualTo(new InstallStatus.NotInstalled(
                "check `test -f built` failed (exit code 1); run: stackbench setup fine"));
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), root.resolve("logs"), line -> { }, false)
                .run(List.of(m));
        assertThat(infos.get(0)).isEqualTo(new ContestantInfo(m, "1.0", "2.0", new InstallStatus.Installed()));
    }
}
