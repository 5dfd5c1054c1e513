package dev.stackbench.lab.proc;

import dev.stackbench.lab.EnvironmentException;
import dev.stackbench.lab.cgroup.Cgroup;
import dev.stackbench.lab.cgroup.Cgroups;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server started in its own session ({@code setsid}), pinned with {@code taskset} (or by the
 * cpuset of its own cgroup), with its output going straight to log files. Stopping it stops its
 * whole tree: the stop signal to its process group, to every descendant found in {@code /proc}
 * (also those that left the group) and to every member of its cgroup, a grace period, then
 * {@code SIGKILL} to whatever is left; then its cgroup is removed.
 *
 * <p>Started with usable {@link Cgroups}, it runs in a cgroup of its own ({@link #cgroup()}),
 * joined before its command runs, so every process it forks is accounted there. When the cgroup
 * cannot be made, it runs without one and {@link #cgroupProblem()} says why.
 *
 * <p>Its exit is noticed at once ({@link #onExit()}, {@link #exited()}): the exit status or
 * signal and the last lines of its stderr, and whether the lab had asked it to stop.
 *
 * <p>It cannot outlive Stackbench: a JVM shutdown hook stops it on Ctrl-C and normal exit, and a
 * tiny watchdog process ({@code sh}, in a session of its own) kills its group when the JVM dies
 * without running hooks (SIGKILL).
 *
 * <pre>{@code
 * try (ServerProcess server = ServerProcess.start(spec)) {
 *     ... server.pid(), server.isAlive(), server.exitDescription()
 * } // whole tree gone here
 * }</pre>
 *
 * Thread-safe; {@link #stop()} is idempotent.
 */
public final class ServerProcess implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    private static final long KILL_WAIT_MILLIS = 5_000;

    private final ServerSpec spec;
    private final Thread shutdownHook;
    // set once by spawn(), before start() returns it; volatile for the threads that only read them
    private volatile Process process;
    private volatile long spawnNanos;
    private volatile Cgroup cgroup;
    private volatile String cgroupProblem;
    private volatile CompletableFuture<Exit> exit;
    // set when stop() begins: an exit after that is not a crash
    private volatile boolean stopping;
    private final Cgroups cgroups;
    private Process watchdog;
    private boolean stopped;

    private ServerProcess(ServerSpec spec, Cgroups cgroups) {
        this.spec = spec;
        this.cgroups = cgroups;
        this.shutdownHook = new Thread(this::stop, "stackbench-stop-" + spec.name());
    }

    /**
     * Spawns the server. It returns at once: readiness is the caller's business.
     *
     * @throws EnvironmentException when setsid or taskset cannot be run, the logs cannot be
     *                              written, or the JVM is already shutting down (Ctrl-C)
     */
    public static ServerProcess start(ServerSpec spec) {
        return start(spec, Cgroups.none("not asked for"));
    }

    /**
     * Spawns the server in a cgroup of its own when {@code cgroups} are usable (pinned by its
     * cpuset, or by taskset when the cpuset controller is missing), else as {@link #start(ServerSpec)}.
     *
     * @throws EnvironmentException as {@link #start(ServerSpec)}
     */
    public static ServerProcess start(ServerSpec spec, Cgroups cgroups) {
        ServerProcess server = new ServerProcess(spec, cgroups);
        // the hook goes in before the spawn: once the JVM shuts down, nothing new may start
        try {
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        } catch (IllegalStateException e) {
            throw new EnvironmentException("not starting " + spec.name() + ": Stackbench is shutting down");
        }
        server.spawn();
        return server;
    }

    private synchronized void spawn() {
        if (stopped) {
            throw new EnvironmentException("not starting " + spec.name() + ": Stackbench is shutting down");
        }
        if (cgroups.usable()) {
            try {
                cgroup = cgroups.create(spec.name(), spec.cpus());
            } catch (IOException e) {
                cgroupProblem = "cannot make a cgroup for " + spec.name() + " (" + e.getMessage() + ")";
            }
        } else {
            cgroupProblem = cgroups.reason();
        }
        List<String> cmd = new ArrayList<>();
        // The JVM's children are never process-group leaders, so setsid calls setsid() and execs
        // without forking: our child's pid is the new session's and process group's id. The
        // cgroup's shell and taskset exec too: the pid stays the same to the end.
        cmd.add("setsid");
        if (cgroup != null) {
            cmd.addAll(cgroup.joinPrefix());
        }
        if (cgroup == null || !cgroup.pinsCpus()) {
            spec.cpus().ifPresent(cpus -> cmd.addAll(List.of("taskset", "-c", cpus.toString())));
        }
        cmd.addAll(spec.argv());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(spec.dir().toFile())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(spec.stdout().toFile())
                .redirectError(spec.stderr().toFile());
        pb.environment().putAll(spec.env());
        try {
            Files.createDirectories(spec.stdout().toAbsolutePath().getParent());
            Files.createDirectories(spec.stderr().toAbsolutePath().getParent());
            spawnNanos = System.nanoTime();
            Process started = pb.start();
            try {
                watchdog = startWatchdog(started.pid(), spec, cgroup);
            } catch (IOException e) {
                started.destroyForcibly();
                throw e;
            }
            process = started;
            exit = started.onExit().thenApply(p -> new Exit(spec.name(), p.exitValue(), stopping, System.nanoTime(),
                    LogTail.of(spec.stderr(), Exit.TAIL_LINES)));
        } catch (IOException e) {
            stopped = true;
            if (cgroup != null) {
                cgroup.remove();
            }
            removeHook();
            throw new EnvironmentException("cannot start " + spec.name() + " (" + String.join(" ", cmd)
                    + "): " + e.getMessage() + "; setsid and taskset come with Debian's util-linux", e);
        }
    }

    private static Process startWatchdog(long pgid, ServerSpec spec, Cgroup cgroup) throws IOException {
        // with a cgroup to remove, it waits for the JVM even once the group is gone
        String script = "j=$1; g=$2; d=$3; shift 3;"
                + " while kill -0 \"$j\" 2>/dev/null; do"
                + " [ $# -gt 0 ] || kill -0 -\"$g\" 2>/dev/null || exit 0; sleep 1; done;"
                + " kill -KILL -\"$g\" 2>/dev/null; pkill -KILL -s \"$g\" 2>/dev/null;"
                + " for c in \"$@\"; do for p in $(cat \"$c/cgroup.procs\" 2>/dev/null); do kill -KILL \"$p\" 2>/dev/null; done; done;"
                + " if [ -n \"$d\" ]; then sleep 1; rm -rf -- \"$d\"; fi;"
                + " for c in \"$@\"; do i=0; until rmdir \"$c\" 2>/dev/null || [ $i -ge 10 ]; do i=$((i+1)); sleep 1; done; done";
        List<String> cmd = new ArrayList<>(List.of("setsid", "sh", "-c", script, "stackbench-watchdog",
                Long.toString(ProcessHandle.current().pid()), Long.toString(pgid),
                spec.removeIfOrphaned().map(p -> p.toAbsolutePath().toString()).orElse("")));
        if (cgroup != null) {
            cgroup.dirs().forEach(d -> cmd.add(d.toString()));
        }
        return new ProcessBuilder(cmd)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** @return the server's pid, which is also its session and process group id */
    public long pid() {
        return process.pid();
    }

    /** @return what was started */
    public ServerSpec spec() {
        return spec;
    }

    /** @return {@link System#nanoTime()} just before the spawn */
    public long spawnNanos() {
        return spawnNanos;
    }

    /** @return the cgroup it runs in, or empty when it runs without one (see {@link #cgroupProblem()}) */
    public Optional<Cgroup> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    /** @return why it runs without a cgroup (not root, no controllers, mkdir failed); empty when it has one */
    public Optional<String> cgroupProblem() {
        return cgroup != null ? Optional.empty() : Optional.ofNullable(cgroupProblem);
    }

    /**
     * @return completes the moment the root process exits (on the JDK's process reaper thread),
     *         with its status, stderr tail and whether {@link #stop()} had begun; never fails
     */
    public CompletableFuture<Exit> onExit() {
        return exit;
    }

    /** @return how the root process ended, once it has; empty while it runs */
    public Optional<Exit> exited() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(exit.join()); // completes right after the reaper saw it
    }

    /** @return true while the server's root process has not exited */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the root process's exit code once it exited (128 + n when killed by signal n) */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** @return {@code exit code N} or {@code still running} */
    public String exitDescription() {
        OptionalInt code = exitCode();
        return code.isPresent() ? "exit code " + code.getAsInt() : "still running";
    }

    /**
     * Waits for the root process to exit.
     *
     * @return true when it exited within the time
     */
    public boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** @return the last {@code lines} lines of stdout and of stderr, formatted for an error message */
    public String logTail(int lines) {
        return LogTail.describe(spec.stdout(), spec.stderr(), lines);
    }

    /** @return the pids of the live (non-zombie) members of the tree now */
    public List<Long> treePids() {
        return ProcTable.snapshot().tree(pid()).stream().filter(s -> !s.zombie()).map(ProcStat::pid).toList();
    }

    /**
     * Stops the whole tree: the stop signal, up to the grace period, then SIGKILL. Returns when
     * every member found is gone (or after 5 s more of waiting for SIGKILL). Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopping = true;
        if (process == null) {
            return; // the hook ran before the spawn: spawn() will refuse
        }
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
        Map<Long, Long> members = new HashMap<>();
        collect(members);
        signal(spec.stopSignal(), members);
        if (!awaitGone(members, spec.stopGrace().toMillis())) {
            collect(members);
            signal("KILL", members);
            awaitGone(members, KILL_WAIT_MILLIS);
        }
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cgroup != null) {
            cgroup.remove();
        }
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this very hook may be what called us
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Adds the live members of the tree and of the cgroup now to {@code members} (pid to start time). */
    private void collect(Map<Long, Long> members) {
        for (ProcStat s : ProcTable.snapshot().tree(pid())) {
            if (!s.zombie()) {
                members.putIfAbsent(s.pid(), s.startTicks());
            }
        }
        if (cgroup != null) {
            for (long p : cgroup.pids()) {
                ProcStat.read(p).filter(s -> !s.zombie()).ifPresent(s -> members.putIfAbsent(s.pid(), s.startTicks()));
            }
        }
    }

    private boolean awaitGone(Map<Long, Long> members, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            members.entrySet().removeIf(e -> gone(e.getKey(), e.getValue()));
            if (members.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            collect(members);
        }
    }

    private static boolean gone(long pid, long startTicks) {
        return ProcStat.read(pid).map(s -> s.zombie() || s.startTicks() != startTicks).orElse(true);
    }

    /** Sends {@code signal} to the process group and to every member (some may have left the group). */
    private void signal(String signal, Map<Long, Long> members) {
        List<String> cmd = new ArrayList<>(List.of("kill", "-s", signal, "--", "-" + pid()));
        members.keySet().forEach(p -> cmd.add(Long.toString(p)));
        try {
            Process kill = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): signal what we can from here; SIGKILL follows for the rest
            members.keySet().forEach(p -> ProcessHandle.of(p).ifPresent(
                    "KILL".equals(signal) ? ProcessHandle::destroyForcibly : ProcessHandle::destroy));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
