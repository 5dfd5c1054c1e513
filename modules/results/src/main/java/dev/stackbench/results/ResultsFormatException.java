package dev.stackbench.results;

/**
 * A results directory could not be read. The message is one line for people: what was wrong,
 * with the path, and the way out. {@link #kind()} lets callers choose an exit code.
 */
public final class ResultsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The path does not exist or is not a directory. */
        NOT_FOUND,
        /** A directory without a readable Stackbench {@code run.json}. */
        NOT_A_RESULTS_DIRECTORY,
        /** Written by a newer Stackbench: its schema version is above {@link Run#SCHEMA_VERSION}. */
        NEWER_SCHEMA,
        /** A Stackbench file with a broken or inconsistent content. */
        MALFORMED
    }

    private final Kind kind;

    public ResultsFormatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ResultsFormatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
