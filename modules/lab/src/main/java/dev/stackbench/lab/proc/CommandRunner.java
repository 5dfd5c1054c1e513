package dev.stackbench.lab.proc;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs short commands (version probes, checks, install steps) with a time limit, keeping their
 * output. A command still running at the limit is killed with its descendants. Thread-safe.
 */
public final class CommandRunner {
    private static final int KEEP_BYTES = 64 * 1024;

    private final Map<String, String> env;

    /** @param env variables added to the inherited environment of every command */
    public CommandRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Runs {@code argv} in {@code dir}, its output kept in the result.
     *
     * @param limit how long it may run
     */
    public CommandResult run(List<String> argv, Path dir, Duration limit) {
        return run(argv, dir, limit, null);
    }

    /**
     * Runs {@code argv} in {@code dir}; its output is kept in the result (the last 64 KiB) and,
     * when {@code log} is not null, appended to that file.
     *
     * @param limit how long it may run
     */
    public CommandResult run(List<String> argv, Path dir, Duration limit, Path log) {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(new File("/dev/null"));
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new CommandResult(argv, -1, false, "", shortReason(e));
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> drain(p.getInputStream(), kept, log), "stackbench-drain-" + p.pid());
        drain.setDaemon(true);
        drain.start();
        try {
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            drain.join(2_000);
            String out;
            synchronized (kept) {
                out = kept.toString(StandardCharsets.UTF_8).strip();
            }
            return new CommandResult(argv, done ? p.exitValue() : -1, !done, out, null);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(argv, -1, false, "", "interrupted");
        }
    }

    /** "Cannot run program "x": error=2, No such file or directory" becomes "No such file or directory". */
    private static String shortReason(IOException e) {
        String m = String.valueOf(e.getMessage());
        int comma = m.lastIndexOf(", ");
        return comma >= 0 && m.contains("error=") ? m.substring(comma + 2) : m;
    }

    private static void drain(InputStream in, ByteArrayOutputStream kept, Path log) {
        byte[] buf = new byte[8192];
        try (in; OutputStream file = log == null ? OutputStream.nullOutputStream()
                : Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                file.write(buf, 0, n);
                synchronized (kept) {
                    kept.write(buf, 0, n);
                    if (kept.size() > 2 * KEEP_BYTES) {
                        byte[] all = kept.toByteArray();
                        kept.reset();
                        kept.write(all, all.length - KEEP_BYTES, KEEP_BYTES);
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; what we have is what there is
        }
    }
}
