package dev.stackbench.cli;

import java.nio.file.Path;
import java.time.Duration;

/** The defaults of the lab commands, in one place; the help texts quote them. */
final class LabDefaults {
    /** The server CPU set: CPU 1, leaving CPU 0 to the load generator on a 2-core machine. */
    static final String SERVER_CPUS = "1";
    /** Time from spawn to the first 200 on the ready path. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** System property set by the ./stackbench launcher to the project directory. */
    static final String HOME_PROPERTY = "stackbench.home";

    private LabDefaults() {
    }

    /** @return $stackbench.home/contestants when the launcher set it, else ./contestants */
    static Path contestantsDir(String home) {
        return home == null || home.isBlank() ? Path.of("contestants") : Path.of(home, "contestants");
    }
}
