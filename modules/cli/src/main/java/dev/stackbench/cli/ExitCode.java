package dev.stackbench.cli;

/**
 * The process exit codes of every {@code stackbench} command. Scripts may rely on them.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The command ran, but what it measured or checked failed (e.g. a contestant failed verification). */
    CHECK_FAILED(1),
    /** The command line was wrong: unknown option, bad value, malformed URL. Nothing was run. */
    USAGE(2),
    /** The environment stopped us: a missing tool, an open-file limit too low, a port in use. */
    ENVIRONMENT(3),
    /** Interrupted by the user (Ctrl-C); partial results are kept. */
    INTERRUPTED(130),
    /** A bug in Stackbench: an unexpected exception. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the numeric process exit code */
    public int code() {
        return code;
    }
}
