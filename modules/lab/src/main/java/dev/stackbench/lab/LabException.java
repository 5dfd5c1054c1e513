package dev.stackbench.lab;

/**
 * A failure of the lab that the user can act on. The message is one line (or one line followed
 * by the log lines that explain it): what was wrong, with the value, and what to do.
 */
public abstract sealed class LabException extends RuntimeException
        permits ManifestException, UnknownContestantException, InvalidInputException, EnvironmentException,
        StartException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; the command line maps it to an exit code. */
    public enum Kind {
        /** The user's input was wrong: an option, a contestant id, a manifest. */
        INPUT,
        /** The machine lacks something: a tool, a package, a permission, a reachable database. */
        ENVIRONMENT,
        /** A contestant did not do what it must (start, answer, pass a check). */
        CONTESTANT
    }

    protected LabException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return the kind of failure, for the exit code */
    public abstract Kind kind();
}
