package dev.stackbench.lab.contestant;

import dev.stackbench.lab.EnvironmentException;
import dev.stackbench.lab.StartException;
import dev.stackbench.lab.cgroup.Cgroups;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.proc.FreePort;
import dev.stackbench.lab.proc.ServerProcess;
import dev.stackbench.lab.proc.ServerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts contestants: on a free loopback port, pinned to the server CPU set, in a session of
 * their own and, as root, in a cgroup of their own (pinned by its cpuset; without cgroups by
 * {@code taskset}), with PORT, WORKERS, CPUS, DB_* and the manifest's env; stdout and
 * stderr to {@code <logsDir>/<id>.stdout.log} and {@code .stderr.log}. Readiness is probed ({@link ReadyProbe}: GET
 * the ready path until 200), never slept for; the probe gives up at once when the process exits.
 *
 * <pre>{@code
 * try (RunningContestant c = new ContestantLauncher(settings).start(manifest)) {
 *     c.baseUri(); c.startupMillis();
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class ContestantLauncher {
    /** Lines of stdout and of stderr shown when a contestant fails to start. */
    public static final int TAIL_LINES = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final LaunchSettings settings;
    private final Cgroups cgroups;

    /** A launcher that puts each contestant in a cgroup of its own when this machine allows it ({@link Cgroups#detect()}). */
    public ContestantLauncher(LaunchSettings settings) {
        this(settings, Cgroups.detect());
    }

    /**
     * @param cgroups where contestants' cgroups are made; {@link Cgroups#none(String)} to run
     *                them without (taskset pinning, the /proc monitor)
     */
    public ContestantLauncher(LaunchSettings settings, Cgroups cgroups) {
        this.settings = settings;
        this.cgroups = cgroups;
    }

    /** @return where contestants' cgroups are made, or why they are not ({@link Cgroups#reason()}) */
    public Cgroups cgroups() {
        return cgroups;
    }

    /** @return the settings every contestant gets */
    public LaunchSettings settings() {
        return settings;
    }

    /**
     * @param port the port it will listen on
     * @return the variables the lab gives the contestant: PORT, WORKERS, CPUS and DB_* (no manifest env)
     */
    public Map<String, String> labEnv(Manifest m, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("WORKERS", Integer.toString(m.workers().workersFor(settings.serverCpus().size())));
        env.put("CPUS", Integer.toString(settings.serverCpus().size()));
        settings.database().ifPresent(db -> env.putAll(db.env(settings.dbPool())));
        return env;
    }

    /** Replaces every {@code ${NAME}} whose NAME is in {@code vars}; others are left as they are (for a shell). */
    static String substitute(String text, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Starts the contestant and waits until its ready path answers 200.
     *
     * @throws StartException when it exits first, or is not ready within the ready timeout; the
     *                        process tree is gone by then, and the message shows the exit code (or
     *                        "still running") and the last lines of its stdout and stderr
     */
    public RunningContestant start(Manifest m) {
        int port = FreePort.pick();
        Map<String, String> lab = labEnv(m, port);
        Map<String, String> env = new LinkedHashMap<>();
        m.env().forEach((k, v) -> env.put(k, substitute(v, lab)));
        env.putAll(lab);
        List<String> argv = m.start().stream().map(a -> substitute(a, env)).toList();
        try {
            Files.createDirectories(settings.logsDir());
        } catch (IOException e) {
            throw new EnvironmentException("cannot create the logs directory " + settings.logsDir() + ": " + e.getMessage(), e);
        }
        ServerProcess process = ServerProcess.start(new ServerSpec(m.id(), argv, m.dir(), env,
                Optional.of(settings.serverCpus()), settings.logsDir().resolve(m.id() + ".stdout.log"),
                settings.logsDir().resolve(m.id() + ".stderr.log"), "TERM", settings.stopGrace(), Optional.empty()), cgroups);
        try {
            long startupMillis = awaitReady(m, process, port);
            return new RunningContestant(m, process, port, Integer.parseInt(lab.get("WORKERS")), startupMillis);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
    }

    private long awaitReady(Manifest m, ServerProcess process, int port) {
        long deadline = process.spawnNanos() + settings.readyTimeout().toNanos();
        String last = "no answer yet";
        long pauseMillis = 10;
        while (true) {
            if (!process.isAlive()) {
                throw failed(m, process, "exited before answering GET " + m.ready() + " (" + process.exitDescription() + ")");
            }
            try {
                int status = ReadyProbe.status(port, m.ready(), PROBE_TIMEOUT);
                if (status == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - process.spawnNanos());
                }
                last = "status " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (System.nanoTime() - deadline > 0) {
                throw failed(m, process, "did not answer GET " + m.ready() + " with 200 within "
                        + settings.readyTimeout().toSeconds() + " s (" + process.exitDescription() + "; last answer: " + last + ")");
            }
            try {
                // a process that exits wakes us at once; otherwise probe again soon (10 ms, growing to 200 ms)
                process.waitFor(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(m, process, "interrupted while waiting for GET " + m.ready());
            }
            pauseMillis = Math.min(200, pauseMillis * 2);
        }
    }

    /**
     * @param what what went wrong, with the process status as it was then ("still running")
     */
    private static StartException failed(Manifest m, ServerProcess process, String what) {
        // stop first, so that the log tail holds everything it wrote
        process.stop();
        return new StartException(m.id(), "contestant '" + m.id() + "' " + what + process.logTail(TAIL_LINES));
    }
}
