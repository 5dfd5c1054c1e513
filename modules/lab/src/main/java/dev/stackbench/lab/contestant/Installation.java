package dev.stackbench.lab.contestant;

import dev.stackbench.lab.manifest.Component;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.proc.CommandResult;
import dev.stackbench.lab.proc.CommandRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells whether contestants are installed (their {@code requires.commands} exist and their
 * {@code check} commands exit 0) and which runtime and framework versions they have. Never
 * throws for a missing runtime: that is a {@link InstallStatus.NotInstalled} with the reason.
 * Thread-safe.
 */
public final class Installation {
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(60);
    private static final Duration VERSION_LIMIT = Duration.ofSeconds(30);

    private final CommandRunner runner;
    private final String path;

    /** @param path the PATH to look commands up on (usually the environment's) */
    public Installation(String path) {
        this.runner = new CommandRunner(Map.of());
        this.path = path;
    }

    /** @return an installation that looks commands up on this process's PATH */
    public static Installation fromEnvironment() {
        return new Installation(System.getenv().getOrDefault("PATH", ""));
    }

    /** @return the status and versions of one contestant */
    public ContestantInfo inspect(Manifest m) {
        InstallStatus status = status(m);
        return new ContestantInfo(m, version(m, m.runtime()), status.installed() ? version(m, m.framework())
                : ContestantInfo.UNKNOWN_VERSION, status);
    }

    /** @return installed, or not installed with the first missing command or failing check */
    public InstallStatus status(Manifest m) {
        Optional<String> missing = missingCommand(m);
        if (missing.isPresent()) {
            return new InstallStatus.NotInstalled(missing.get());
        }
        for (List<String> check : m.check()) {
            CommandResult r = runner.run(check, m.dir(), CHECK_LIMIT);
            if (!r.ok()) {
                return new InstallStatus.NotInstalled("check `" + String.join(" ", check) + "` failed (" + r.failure()
                        + (r.output().isEmpty() ? "" : ": " + lastLine(r)) + "); run: stackbench setup " + m.id());
            }
        }
        return new InstallStatus.Installed();
    }

    /**
     * @return the reason when a command of {@code requires.commands} is missing: which, and the
     *         Debian packages that provide the contestant's requirements
     */
    public Optional<String> missingCommand(Manifest m) {
        for (String command : m.requires().commands()) {
            if (find(command, m.dir()).isEmpty()) {
                return Optional.of("command '" + command + "' not found " + (command.contains("/") ? "" : "on PATH")
                        + (m.requires().debian().isEmpty() ? ""
                        : "; install it with: apt-get install -y " + String.join(" ", m.requires().debian())));
            }
        }
        return Optional.empty();
    }

    /** @return the executable {@code command} names: an absolute or relative path, or a name on PATH */
    Optional<Path> find(String command, Path dir) {
        if (command.contains("/")) {
            Path p = dir.resolve(command);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, command))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private String version(Manifest m, Component c) {
        CommandResult r = runner.run(c.versionCommand(), m.dir(), VERSION_LIMIT);
        return r.ok() && !r.firstLine().isEmpty() ? r.firstLine() : ContestantInfo.UNKNOWN_VERSION;
    }

    private static String lastLine(CommandResult r) {
        List<String> last = r.lastLines(1);
        String line = last.isEmpty() ? "" : last.get(0).strip();
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
