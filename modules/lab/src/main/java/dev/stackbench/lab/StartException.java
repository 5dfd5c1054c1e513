package dev.stackbench.lab;

/**
 * A server process (a contestant or PostgreSQL) that did not become ready: it exited, or did not
 * answer within its deadline. The message names it, gives the exit code (or "still running"), and
 * ends with the last lines of its stdout and stderr.
 */
public final class StartException extends LabException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public StartException(String name, String message) {
        super(message, null);
        this.name = name;
    }

    /** @return the contestant id (or "postgresql") that failed to start */
    public String name() {
        return name;
    }

    @Override
    public Kind kind() {
        return Kind.CONTESTANT;
    }
}
