package dev.stackbench.lab.contestant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.manifest.ManifestReader;
import dev.stackbench.lab.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
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

    /** A clock reading these seconds, one per call. */
    private static LongSupplier clock(long... seconds) {
        Iterator<Long> it = LongStream.of(seconds).boxed().iterator();
        return () -> it.next() * 1_000_000_000L;
    }

    @Test
    void aMissingRuntimeIsReportedNotInstalledWithTheAptCommandWhenNotRoot() throws Exception {
        Manifest m = manifest("ghost", "{commands: [no-such-runtime-xyz], debian: [no-such-package-xyz]}", "[]", "[]");
        List<String> progress = new ArrayList<>();
        Path logs = root.resolve("logs");
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), logs, progress::add, false, clock(0))
                .run(List.of(m));
        String reason = "command 'no-such-runtime-xyz' not found on PATH; install it with: apt-get install -y no-such-package-xyz"
                + " (not installed by stackbench, which is not root: run sudo apt-get install -y --no-install-recommends no-such-package-xyz)";
        assertThat(progress).containsExactly(
                "setting up 1 contestant: ghost (logs in " + logs + ")",
                "Debian packages missing: no-such-package-xyz; not root, so install them yourself:"
                        + " sudo apt-get install -y --no-install-recommends no-such-package-xyz",
                "[1/1] ghost: not installed: " + reason);
        assertThat(infos.get(0).status()).isEqualTo(new InstallStatus.NotInstalled(reason));
    }

    @Test
    void aFailingInstallStepIsReportedWithItsExitCodeAndLog() throws Exception {
        Manifest m = manifest("broken", "{commands: [sh]}", "[[sh, -c, \"echo compiling; exit 4\"]]", "[]");
        Path logs = root.resolve("logs");
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), logs, line -> { }, false, clock(0)).run(List.of(m));
        assertThat(infos.get(0).status()).isEqualTo(new InstallStatus.NotInstalled(
                "install step `sh -c echo compiling; exit 4` failed (exit code 4); see " + logs.resolve("setup-broken.log")));
        assertThat(logs.resolve("setup-broken.log")).hasContent("compiling");
    }

    @Test
    void installThenCheckMakesItInstalledWithItsVersions() throws Exception {
        Manifest m = manifest("fine", "{commands: [sh]}", "[[touch, built]]", "[[test, -f, built]]");
        assertThat(Installation.fromEnvironment().status(m)).isEqualTo(new InstallStatus.NotInstalled(
                "check `test -f built` failed (exit code 1); run: stackbench setup fine"));
        Manifest other = manifest("other", "{commands: [sh]}", "[]", "[]");
        List<String> progress = new ArrayList<>();
        Path logs = root.resolve("logs");
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), logs, progress::add, false, clock(0, 14, 20, 21))
                .run(List.of(m, other));
        assertThat(infos.get(0)).isEqualTo(new ContestantInfo(m, "1.0", "2.0", new InstallStatus.Installed()));
        assertThat(progress).containsExactly("setting up 2 contestants: fine, other (logs in " + logs + ")",
                "[1/2] fine: touch built", "[1/2] fine: installed in 14s", "[2/2] other: installed in 1s");
    }
}
