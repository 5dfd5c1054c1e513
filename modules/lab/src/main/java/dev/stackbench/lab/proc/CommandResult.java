package dev.stackbench.lab.proc;

import java.util.List;

/**
 * How a short command ended.
 *
 * @param argv     what ran
 * @param exitCode its exit code; -1 when it could not start or timed out
 * @param timedOut true when it was killed for running past its time limit
 * @param output   its stdout and stderr, interleaved, trimmed (at most 64 KiB kept)
 * @param startError why it could not start (e.g. "No such file or directory"), or null
 */
public record CommandResult(List<String> argv, int exitCode, boolean timedOut, String output, String startError) {
    public CommandResult {
        argv = List.copyOf(argv);
    }

    /** @return true when it ran and exited 0 */
    public boolean ok() {
        return exitCode == 0 && !timedOut && startError == null;
    }

    /** @return the first line of the output, trimmed ("" when none) */
    public String firstLine() {
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    /** @return the last {@code n} lines of the output */
    public List<String> lastLines(int n) {
        List<String> all = output.lines().toList();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** @return one line saying how it failed: "could not start: ...", "timed out", "exit code 3" */
    public String failure() {
        if (startError != null) {
            return "could not start: " + startError;
        }
        return timedOut ? "timed out" : "exit code " + exitCode;
    }
}
