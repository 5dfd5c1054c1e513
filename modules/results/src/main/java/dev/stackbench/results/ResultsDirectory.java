package dev.stackbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A results directory opened for reading: its validated {@code run.json} and access to the
 * trials' interval logs. Immutable once opened.
 */
public final class ResultsDirectory {

    /** The name of the run file inside a results directory. */
    public static final String RUN_FILE = "run.json";

    private final Path path;
    private final Run run;

    private ResultsDirectory(Path path, Run run) {
        this.path = path;
        this.run = run;
    }

    /**
     * Opens and validates a results directory.
     *
     * @throws ResultsFormatException NOT_FOUND, NOT_A_RESULTS_DIRECTORY, NEWER_SCHEMA or MALFORMED,
     *     with a one-line message naming the path
     */
    public static ResultsDirectory open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.exists(dir)) {
            throw new ResultsFormatException(ResultsFormatException.Kind.NOT_FOUND,
                    "no such directory: " + dir + " (expected a results directory like results/<timestamp>-<suite>/)");
        }
        if (!Files.isDirectory(dir)) {
            throw new ResultsFormatException(ResultsFormatException.Kind.NOT_A_RESULTS_DIRECTORY,
                    dir + " is a file, not a results directory (expected a directory holding run.json)");
        }
        Path runFile = dir.resolve(RUN_FILE);
        if (!Files.isRegularFile(runFile)) {
            throw new ResultsFormatException(ResultsFormatException.Kind.NOT_A_RESULTS_DIRECTORY,
                    dir + " is not a results directory: it has no run.json"
                            + " (results directories look like results/<timestamp>-<suite>/)");
        }
        String json;
        try {
            json = Files.readString(runFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResultsFormatException(ResultsFormatException.Kind.NOT_A_RESULTS_DIRECTORY,
                    "cannot read " + runFile + ": " + e.getMessage(), e);
        }
        return new ResultsDirectory(dir, new RunCodec().read(json, runFile.toString()));
    }

    /** @return the directory */
    public Path path() {
        return path;
    }

    /** @return the validated content of {@code run.json} */
    public Run run() {
        return run;
    }

    /**
     * Reads a trial's interval log.
     *
     * @return the trial's histograms, or empty when the trial names no log or the file is missing
     *     (e.g. an interrupted run, or a directory copied without its logs)
     * @throws ResultsFormatException MALFORMED when the log exists but cannot be decoded, or
     *     its path leaves the results directory
     */
    public Optional<TrialLogs.Histograms> histograms(Trial trial) {
        if (trial.histogramLog() == null) {
            return Optional.empty();
        }
        Path file = path.resolve(trial.histogramLog()).normalize();
        if (!file.startsWith(path.normalize())) {
            throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                    "trial log path " + trial.histogramLog() + " leaves the results directory " + path);
        }
        return Files.isRegularFile(file) ? Optional.of(TrialLogs.read(file)) : Optional.empty();
    }
}
