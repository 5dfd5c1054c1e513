package dev.stackbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Creates a results directory and writes into it; used by {@code stackbench run}. Rewrite
 * {@code run.json} after every trial so that an interrupted run leaves a readable directory:
 * {@link #writeRun} replaces it atomically.
 */
public final class ResultsWriter {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;
    private final RunCodec codec = new RunCodec();

    private ResultsWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates {@code <resultsRoot>/<yyyyMMdd'T'HHmmss'Z'>-<suite>/} with {@code trials/} and
     * {@code logs/}.
     *
     * @throws IllegalArgumentException when the suite name is not file-name safe
     * @throws UncheckedIOException when the directory exists already or cannot be created
     */
    public static ResultsWriter create(Path resultsRoot, Instant started, String suite) {
        Path dir = resultsRoot.resolve(directoryName(started, suite));
        try {
            Files.createDirectories(resultsRoot);
            Files.createDirectory(dir);
            Files.createDirectory(dir.resolve("trials"));
            Files.createDirectory(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create results directory " + dir + ": " + e, e);
        }
        return new ResultsWriter(dir);
    }

    /** @return e.g. {@code 20250301T100000Z-seed-table} */
    public static String directoryName(Instant started, String suite) {
        requireSafe("suite", suite);
        return STAMP.format(started) + "-" + suite;
    }

    /** @return the results directory */
    public Path path() {
        return dir;
    }

    /** @return the directory for contestant logs ({@code logs/}) */
    public Path logs() {
        return dir.resolve("logs");
    }

    /**
     * @return the absolute path of a trial's interval log, its parent directories created; store
     *     {@link TrialLogs#relativePath} in {@link Trial#histogramLog()}
     */
    public Path trialLog(String contestant, String workload, LoadLevel level, int trial) {
        requireSafe("contestant", contestant);
        requireSafe("workload", workload);
        Path file = dir.resolve(TrialLogs.relativePath(contestant, workload, level, trial));
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e, e);
        }
        return file;
    }

    /** Writes {@code run.json} atomically (a temporary file, then a rename). */
    public void writeRun(Run run) {
        Path target = dir.resolve(ResultsDirectory.RUN_FILE);
        Path tmp = dir.resolve(ResultsDirectory.RUN_FILE + ".tmp");
        try {
            Files.writeString(tmp, codec.write(run), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e, e);
        }
    }

    private static void requireSafe(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' must be a file-name safe word (letters, digits, '.', '_', '-')");
        }
    }
}
