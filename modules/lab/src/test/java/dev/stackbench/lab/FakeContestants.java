package dev.stackbench.lab;

import dev.stackbench.lab.contestant.LaunchSettings;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.proc.CpuSet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The tiny stand-in contestants of src/test/resources/fake-contestants. */
public final class FakeContestants {
    private FakeContestants() {
    }

    /** @return the directory holding good/, wrong-body/, exits-at-once/, never-ready/ */
    public static Path dir() {
        try {
            return Path.of(FakeContestants.class.getResource("/fake-contestants").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return CPU 1 as the server set (the project's default), or CPU 0 on a one-core machine */
    public static CpuSet serverCpus() {
        return CpuSet.parse("1").within(CpuSet.online()) ? CpuSet.parse("1") : CpuSet.parse("0");
    }

    /** @return launch settings for tests: no database, a short ready deadline and stop grace */
    public static LaunchSettings settings(Path logs, Duration readyTimeout) {
        return new LaunchSettings(serverCpus(), Optional.empty(), 10, logs, readyTimeout, Duration.ofSeconds(2));
    }

    /**
     * @return the {@code burner} test contestant (src/test/resources/fault-fakes): spec_server.py
     *         with --burner, kept apart so that the command line's tests see the same four fakes
     */
    public static Manifest burner() {
        try {
            return Catalog.load(Path.of(FakeContestants.class.getResource("/fault-fakes").toURI())).manifest("burner");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the catalog of the fake contestants */
    public static Catalog catalog() {
        return Catalog.load(dir());
    }
}
