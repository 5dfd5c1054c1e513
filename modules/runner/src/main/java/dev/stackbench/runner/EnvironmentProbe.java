package dev.stackbench.runner;

import dev.stackbench.lab.proc.CommandResult;
import dev.stackbench.lab.proc.CommandRunner;
import dev.stackbench.loadgen.GeneratorEnvironment;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Records the machine and runtimes a run measured on. */
public final class EnvironmentProbe {

    public Environment probe(CpuSets cpus) {
        GeneratorEnvironment g = GeneratorEnvironment.current();
        return new Environment(g.cpuModel(), g.onlineCpus(), osName(), System.getProperty("os.version"), g.javaVersion(),
                firstLine(List.of("node", "--version")), withoutPrefix(firstLine(List.of("/usr/bin/python3", "--version")), "Python "),
                cpus.generator(), cpus.server(), cpus.database(), hostname());
    }

    /** @return git's short commit of {@code dir}'s last change, with "+dirty" if it has local changes; null outside git */
    static String codeCommit(Path dir) {
        String commit = firstLine(List.of("git", "-C", dir.toString(), "log", "-1", "--format=%h", "--", "."));
        if (commit == null || commit.isEmpty()) {
            return null;
        }
        String dirty = firstLine(List.of("git", "-C", dir.toString(), "status", "--porcelain", "--", "."));
        return dirty == null || dirty.isEmpty() ? commit : commit + "+dirty";
    }

    private static String withoutPrefix(String text, String prefix) {
        return text != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("PRETTY_NAME=")).map(l -> l.substring(12).replace("\"", "")).findFirst()
                    .orElse(System.getProperty("os.name"));
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the first line the command prints (stdout and stderr), or null when it fails or cannot run */
    private static String firstLine(List<String> command) {
        CommandResult r = new CommandRunner(Map.of()).run(command, Path.of("."), Duration.ofSeconds(10));
        return r.exitCode() == 0 && !r.timedOut() && r.startError() == null ? r.output().lines().findFirst().orElse("").trim() : null;
    }
}
