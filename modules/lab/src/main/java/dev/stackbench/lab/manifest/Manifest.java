package dev.stackbench.lab.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One contestant's {@code contestant.yaml}, validated (see docs/contestants.md).
 *
 * @param id        the directory name, {@code [a-z0-9-]+}
 * @param name      display name
 * @param language  e.g. {@code javascript}, {@code python}
 * @param variant   realistic or tuned
 * @param runtime   the language runtime and its version command
 * @param framework the framework and its version command
 * @param requires  commands and Debian packages needed before install
 * @param install   argv lists run in {@link #dir()} by {@code stackbench setup}, in order
 * @param check     argv lists that all exit 0 once the contestant is installed
 * @param start     argv of the server, with {@code ${PORT}}, {@code ${WORKERS}}, {@code ${DB_URL}}...
 *                  substituted before it runs
 * @param env       extra environment for the server (insertion order kept)
 * @param workers   the worker-count rule
 * @param ready     GET path answering 200 once the server is ready, starts with {@code /}
 * @param workloads the workloads it implements, never empty
 * @param sources   where each production setting comes from
 * @param dir       the contestant directory (absolute); commands run there
 * @param notImplemented workloads the contestant does not implement, each with the reason
 *                  (e.g. {@code realtime}: "gunicorn's sync workers hold one request at a time");
 *                  never one of {@code workloads}
 */
public record Manifest(String id, String name, String language, Variant variant, Component runtime,
                       Component framework, Requirements requires, List<List<String>> install,
                       List<List<String>> check, List<String> start, Map<String, String> env,
                       WorkersRule workers, String ready, Set<Workload> workloads, List<String> sources,
                       Path dir, Map<Workload, String> notImplemented) {
    public Manifest {
        notImplemented = Collections.unmodifiableMap(new EnumMap<>(notImplemented.isEmpty()
                ? new EnumMap<>(Workload.class) : notImplemented));
        for (Workload w : notImplemented.keySet()) {
            if (workloads.contains(w)) {
                throw new IllegalArgumentException(w.label() + " is both implemented and not implemented");
            }
        }
        install = install.stream().map(List::copyOf).toList();
        check = check.stream().map(List::copyOf).toList();
        start = List.copyOf(start);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        workloads = Collections.unmodifiableSet(EnumSet.copyOf(workloads));
        sources = List.copyOf(sources);
    }

    /** A manifest without {@code notImplemented} reasons. */
    public Manifest(String id, String name, String language, Variant variant, Component runtime,
                    Component framework, Requirements requires, List<List<String>> install,
                    List<List<String>> check, List<String> start, Map<String, String> env,
                    WorkersRule workers, String ready, Set<Workload> workloads, List<String> sources, Path dir) {
        this(id, name, language, variant, runtime, framework, requires, install, check, start, env, workers, ready,
                workloads, sources, dir, Map.of());
    }

    /**
     * @return the same contestant under another id (its logs, cgroup and results take that name), e.g.
     *     the second instance of an A/A pair; the id is not checked against {@code [a-z0-9-]+}
     */
    public Manifest withId(String other) {
        return new Manifest(other, name, language, variant, runtime, framework, requires, install, check, start, env, workers,
                ready, workloads, sources, dir, notImplemented);
    }

    /** @return true when the contestant implements the workload */
    public boolean supports(Workload workload) {
        return workloads.contains(workload);
    }
}
