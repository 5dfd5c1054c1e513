package dev.stackbench.lab.proc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a server's root process ended.
 *
 * <p>The JDK reports a process killed by signal n as exit status 128 + n, as shells do; a status
 * above 128 is therefore read as that signal. (A shell whose child was killed by signal n also
 * exits with 128 + n: to a user it is the same story.)
 *
 * @param name          the server, e.g. a contestant id or {@code postgresql}
 * @param status        the exit status the JDK reports (128 + n for signal n)
 * @param stoppedByLab  true when it exited after the lab asked it to stop; false: on its own (a crash)
 * @param exitedNanos   {@link System#nanoTime()} when its exit was noticed
 * @param stderrTail    the last lines of its stderr at that moment (at most {@link #TAIL_LINES})
 */
public record Exit(String name, int status, boolean stoppedByLab, long exitedNanos, List<String> stderrTail) {
    /** Lines of stderr kept. */
    public static final int TAIL_LINES = 20;

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"),
            Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"),
            Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"), Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"),
            Map.entry(15, "SIGTERM"));

    public Exit {
        stderrTail = List.copyOf(stderrTail);
    }

    /** @return the signal that killed it (1..64), or empty when it exited with a code */
    public OptionalInt signal() {
        return status > 128 && status <= 128 + 64 ? OptionalInt.of(status - 128) : OptionalInt.empty();
    }

    /** @return e.g. {@code SIGKILL}, or {@code signal 35} for one without a common name; empty for an exit code */
    public Optional<String> signalName() {
        OptionalInt s = signal();
        return s.isEmpty() ? Optional.empty() : Optional.of(NAMES.getOrDefault(s.getAsInt(), "signal " + s.getAsInt()));
    }

    /** @return the exit code when it exited on its own account, else empty (killed by a signal) */
    public OptionalInt exitCode() {
        return signal().isPresent() ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** @return {@code killed by SIGKILL} or {@code exited with code 3} */
    public String cause() {
        return signalName().map(n -> "killed by " + n).orElse("exited with code " + status);
    }

    /**
     * @return one line, e.g. {@code express was killed by SIGKILL}, then its stderr tail indented
     *         on the following lines (none when it wrote nothing)
     */
    public String describe() {
        return describe(name);
    }

    /** @param who how to name it, e.g. {@code contestant 'express'}; otherwise as {@link #describe()} */
    public String describe(String who) {
        StringBuilder out = new StringBuilder(who).append(signal().isPresent() ? " was " : " ").append(cause());
        if (stoppedByLab) {
            out.append(" (stopped by Stackbench)");
        }
        if (!stderrTail.isEmpty()) {
            out.append("; last ").append(stderrTail.size()).append(" lines of its stderr:");
            stderrTail.forEach(l -> out.append("\n    ").append(l));
        }
        return out.toString();
    }
}
