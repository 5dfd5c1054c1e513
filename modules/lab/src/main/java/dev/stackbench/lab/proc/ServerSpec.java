package dev.stackbench.lab.proc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run one server process.
 *
 * @param name          who it is, for messages (a contestant id, {@code postgresql})
 * @param argv          the command; argv[0] is looked up on PATH, or relative to {@code dir} when
 *                      it holds a {@code /}
 * @param dir           working directory
 * @param env           variables added to (or replacing) the inherited environment
 * @param cpus          CPU set to pin the process tree to with {@code taskset}; empty: not pinned
 * @param stdout        file receiving its standard output (created or truncated)
 * @param stderr        file receiving its standard error (created or truncated)
 * @param stopSignal    the signal asking it to stop, e.g. {@code TERM} ({@code INT} for
 *                      PostgreSQL's fast shutdown)
 * @param stopGrace     how long to wait after {@code stopSignal} before {@code KILL}
 * @param removeIfOrphaned a path the watchdog deletes after killing the tree when the JVM dies
 *                      without stopping it (e.g. a database directory); empty: none
 */
public record ServerSpec(String name, List<String> argv, Path dir, Map<String, String> env,
                         Optional<CpuSet> cpus, Path stdout, Path stderr, String stopSignal,
                         Duration stopGrace, Optional<Path> removeIfOrphaned) {
    public ServerSpec {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv of " + name + " is empty");
        }
    }

    /** A spec with SIGTERM, a 5 s grace and nothing to delete. */
    public static ServerSpec of(String name, List<String> argv, Path dir, Map<String, String> env,
                                Optional<CpuSet> cpus, Path stdout, Path stderr) {
        return new ServerSpec(name, argv, dir, env, cpus, stdout, stderr, "TERM", Duration.ofSeconds(5), Optional.empty());
    }
}
