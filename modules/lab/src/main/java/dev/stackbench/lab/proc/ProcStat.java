package dev.stackbench.lab.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: the fields the lab needs (see proc(5)).
 *
 * @param pid          process id
 * @param state        R, S, D, Z, T...
 * @param ppid         parent pid
 * @param pgrp         process group id
 * @param session      session id
 * @param cpuTicks     user + system CPU time, in clock ticks ({@code getconf CLK_TCK} per second)
 * @param startTicks   start time after boot, in clock ticks: with {@code pid} it identifies the
 *                     process even when the pid is reused
 * @param rssPages     resident set size, in pages ({@code getconf PAGESIZE} bytes each)
 */
public record ProcStat(long pid, char state, long ppid, long pgrp, long session, long cpuTicks,
                       long startTicks, long rssPages) {

    /** @return true when the process has exited and waits to be reaped (it uses no CPU or memory) */
    public boolean zombie() {
        return state == 'Z' || state == 'X';
    }

    /** @return the stat of {@code pid}, or empty when it does not exist (any more) */
    public static Optional<ProcStat> read(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            // gone between listing and reading, or unreadable: the same to us
            return Optional.empty();
        }
    }

    /**
     * @param line the content of {@code /proc/<pid>/stat}
     * @throws IllegalArgumentException when it is not such a line
     */
    public static ProcStat parse(String line) {
        // comm (field 2) is in parentheses and may itself hold spaces and parentheses
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, line.indexOf(' ')).strip());
        String[] f = line.substring(close + 2).strip().split(" ");
        // f[0] is field 3 (state); field n is f[n - 3]
        return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[19]), Long.parseLong(f[21]));
    }
}
