package dev.stackbench.cli;

/**
 * A failure the user can act on: the message says what was wrong (with the value), what was
 * expected and what to do. Printed as one line, never as a stack trace.
 */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public UserException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
