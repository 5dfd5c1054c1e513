package dev.stackbench.lab.proc;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the last lines of a log file without loading all of it. */
public final class LogTail {
    private static final int MAX_BYTES = 64 * 1024;
    private static final Pattern ADDRESS_IN_USE = Pattern.compile("(?i)address already in use|EADDRINUSE");
    /** What to do when a server could not bind its port: said after the log lines that show it. */
    public static final String PORT_IN_USE = "\n  its port was taken by another process between Stackbench picking it and the server binding it"
            + " ('address already in use' above): run the command again; if it keeps happening, see who listens with: ss -ltnp";

    private LogTail() {
    }

    /**
     * @param file  a text file (missing means no lines)
     * @param lines how many lines to keep, >= 1
     * @return at most {@code lines} last lines (of the last 64 KiB), in order
     */
    public static List<String> of(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * @return "last N lines of its stdout (file):" and "... stderr" blocks, indented, for error
     *         messages; "(empty)" for an empty stream; then {@link #PORT_IN_USE} when a line says
     *         the address was in use
     */
    public static String describe(Path stdout, Path stderr, int lines) {
        boolean inUse = Stream.of(stdout, stderr).flatMap(f -> of(f, lines).stream()).anyMatch(l -> ADDRESS_IN_USE.matcher(l).find());
        return block("stdout", stdout, lines) + block("stderr", stderr, lines) + (inUse ? PORT_IN_USE : "");
    }

    private static String block(String name, Path file, int lines) {
        List<String> tail = of(file, lines);
        StringBuilder out = new StringBuilder("\n  last " + lines + " lines of its " + name + " (" + file + "):");
        if (tail.isEmpty()) {
            out.append(" (empty)");
        }
        for (String line : tail) {
            out.append("\n    ").append(line);
        }
        return out.toString();
    }
}
