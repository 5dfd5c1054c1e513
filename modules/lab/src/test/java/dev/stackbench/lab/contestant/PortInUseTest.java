package dev.stackbench.lab.contestant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.StartException;
import dev.stackbench.lab.manifest.ManifestReader;
import dev.stackbench.lab.proc.LogTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server whose port is taken before it binds: the failure says so and what to do. */
class PortInUseTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(30)
    void aContestantThatFindsItsPortTakenIsToldToRunAgain() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("contestants/taken"));
        // binds its port, then binds it again, as if another process had taken it first
        Files.writeString(dir.resolve("contestant.yaml"), """
                id: taken
                name: taken
                language: python
                runtime: {name: CPython, version: [python3, --version]}
                framework: {name: none, version: [python3, --version]}
                start: [python3, -c, "import os, socket; p = int(os.environ['PORT']); keep = socket.socket(); keep.bind(('127.0.0.1', p)); socket.socket().bind(('127.0.0.1', p))"]
                workers: {perCpu: 1, source: test}
                ready: /json
                workloads: [json]
                """);
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        ContestantLauncher launcher = new ContestantLauncher(FakeContestants.settings(logs, Duration.ofSeconds(20)));
        StartException e = catchThrowableOfType(StartException.class,
                () -> launcher.start(new ManifestReader().read(dir.resolve("contestant.yaml"))));
        assertThat(e.getMessage()).startsWith("contestant 'taken' exited before answering GET /json (exit code 1)")
                .contains("OSError: [Errno 98] Address already in use")
                .endsWith(LogTail.PORT_IN_USE);
        assertThat(LogTail.PORT_IN_USE).isEqualTo("\n  its port was taken by another process between Stackbench picking it and the"
                + " server binding it ('address already in use' above): run the command again; if it keeps happening, see who listens"
                + " with: ss -ltnp");
    }

    @Test
    void logsWithoutItSayNothingOfPorts() throws Exception {
        Path out = Files.writeString(tmp.resolve("out.log"), "listening\n");
        Path err = Files.writeString(tmp.resolve("err.log"), "");
        assertThat(LogTail.describe(out, err, 5)).isEqualTo("\n  last 5 lines of its stdout (" + out + "):\n    listening"
                + "\n  last 5 lines of its stderr (" + err + "): (empty)");
        Files.writeString(err, "Error: listen EADDRINUSE: address already in use 127.0.0.1:4000\n");
        assertThat(LogTail.describe(out, err, 5)).endsWith("127.0.0.1:4000" + LogTail.PORT_IN_USE);
    }
}
