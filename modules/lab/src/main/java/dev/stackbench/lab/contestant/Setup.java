package dev.stackbench.lab.contestant;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.proc.CommandResult;
import dev.stackbench.lab.proc.CommandRunner;
import dev.stackbench.lab.proc.OsUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Installs what contestants need: their Debian packages ({@code apt-get}, as root; else it says
 * the exact command to run), then each {@code install} command in the contestant directory, then
 * the {@code check}. Output of every step goes to {@code <logsDir>/setup-<id>.log}. A contestant
 * whose step fails is reported as not installed with the reason; setup goes on with the others.
 * Progress says what is installed and how far it is: {@code [2/5] express: npm ci ...}, then
 * {@code [2/5] express: installed in 14s}.
 */
public final class Setup {
    private static final Duration APT_LIMIT = Duration.ofMinutes(20);
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(20);

    private final Installation installation;
    private final Path logsDir;
    private final Consumer<String> progress;
    private final boolean root;
    private final LongSupplier nanoTime;
    private final CommandRunner apt = new CommandRunner(Map.of("DEBIAN_FRONTEND", "noninteractive"));
    private final CommandRunner plain = new CommandRunner(Map.of());

    /**
     * @param progress receives one line per step ("express: npm ci ...")
     */
    public Setup(Installation installation, Path logsDir, Consumer<String> progress) {
        this(installation, logsDir, progress, OsUser.currentIsRoot(), System::nanoTime);
    }

    /** @param nanoTime the clock of the "installed in 14s" lines */
    Setup(Installation installation, Path logsDir, Consumer<String> progress, boolean root, LongSupplier nanoTime) {
        this.installation = installation;
        this.logsDir = logsDir;
        this.progress = progress;
        this.root = root;
        this.nanoTime = nanoTime;
    }

    /** @return the status of each contestant after setup, in the order given */
    public List<ContestantInfo> run(List<Manifest> manifests) {
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the logs directory " + logsDir + ": " + e.getMessage(), e);
        }
        progress.accept("setting up " + manifests.size() + (manifests.size() == 1 ? " contestant: " : " contestants: ")
                + String.join(", ", manifests.stream().map(Manifest::id).toList()) + " (logs in " + logsDir + ")");
        String aptProblem = installDebianPackages(manifests);
        List<ContestantInfo> out = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            out.add(setUp(manifests.get(i), aptProblem, "[" + (i + 1) + "/" + manifests.size() + "] "));
        }
        return out;
    }

    /** @return null when every package is present afterwards, else what to do */
    private String installDebianPackages(List<Manifest> manifests) {
        Set<String> wanted = new LinkedHashSet<>();
        manifests.forEach(m -> wanted.addAll(m.requires().debian()));
        List<String> missing = wanted.stream().filter(p -> !debianInstalled(p)).toList();
        if (missing.isEmpty()) {
            return null;
        }
        String command = "apt-get install -y --no-install-recommends " + String.join(" ", missing);
        if (!root) {
            progress.accept("Debian packages missing: " + String.join(" ", missing) + "; not root, so install them yourself: sudo " + command);
            return "not installed by stackbench, which is not root: run sudo " + command;
        }
        Path log = logsDir.resolve("setup-apt.log");
        long start = nanoTime.getAsLong();
        progress.accept("Debian packages: installing " + String.join(" ", missing) + " (apt-get update, then install; log " + log + ")");
        progress.accept("apt-get update");
        CommandResult update = apt.run(List.of("apt-get", "update"), Path.of("/"), APT_LIMIT, log);
        if (!update.ok()) {
            progress.accept("apt-get update failed (" + update.failure() + "); trying the install anyway; see " + log);
        }
        progress.accept(command);
        List<String> argv = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends"));
        argv.addAll(missing);
        CommandResult install = apt.run(argv, Path.of("/"), APT_LIMIT, log);
        if (!install.ok()) {
            progress.accept("apt-get install failed (" + install.failure() + "); see " + log);
            return "`" + command + "` failed (" + install.failure() + "); see " + log;
        }
        progress.accept("Debian packages installed in " + since(start));
        return null;
    }

    private boolean debianInstalled(String pkg) {
        CommandResult r = plain.run(List.of("dpkg-query", "-W", "-f=${Status}", pkg), Path.of("/"), Duration.ofSeconds(30));
        return r.ok() && r.output().contains("install ok installed");
    }

    private ContestantInfo setUp(Manifest m, String aptProblem, String counter) {
        long start = nanoTime.getAsLong();
        var missing = installation.missingCommand(m);
        if (missing.isPresent()) {
            String reason = missing.get() + (aptProblem == null ? "" : " (" + aptProblem + ")");
            progress.accept(counter + m.id() + ": not installed: " + reason);
            return new ContestantInfo(m, ContestantInfo.UNKNOWN_VERSION, ContestantInfo.UNKNOWN_VERSION,
                    new InstallStatus.NotInstalled(reason));
        }
        Path log = logsDir.resolve("setup-" + m.id() + ".log");
        for (List<String> step : m.install()) {
            progress.accept(counter + m.id() + ": " + String.join(" ", step));
            CommandResult r = plain.run(step, m.dir(), INSTALL_LIMIT, log);
            if (!r.ok()) {
                String reason = "install step `" + String.join(" ", step) + "` failed (" + r.failure() + "); see " + log;
                progress.accept(counter + m.id() + ": not installed: " + reason);
                r.lastLines(10).forEach(line -> progress.accept("    " + line));
                return new ContestantInfo(m, ContestantInfo.UNKNOWN_VERSION, ContestantInfo.UNKNOWN_VERSION,
                        new InstallStatus.NotInstalled(reason));
            }
        }
        ContestantInfo info = installation.inspect(m);
        progress.accept(counter + m.id() + ": " + (info.status() instanceof InstallStatus.NotInstalled n
                ? "not installed: " + n.reason() : "installed in " + since(start)));
        return info;
    }

    private String since(long startNanos) {
        return DurationFormat.format(Duration.ofSeconds(Math.round((nanoTime.getAsLong() - startNanos) / 1e9)));
    }
}
