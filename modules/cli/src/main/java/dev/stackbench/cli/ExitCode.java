package dev.stackbench.cli;

/**
 * The process exit codes of every {@code stackbench} command. Scripts may rely on them.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0, "done as asked"),
    /** The command ran, but what it measured or checked failed (e.g. a contestant failed verification). */
    CHECK_FAILED(1, "a contestant failed: not installed, failed verification or not measured"),
    /** The command line was wrong: unknown option, bad value, malformed URL. Nothing was run. */
    USAGE(2, "a wrong option, argument or input file; nothing was run"),
    /** The environment stopped us: a missing tool, an open-file limit too low, a port in use. */
    ENVIRONMENT(3, "the machine lacks something: a program, CPUs, a free port, open files"),
    /** {@code stackbench load}: the run completed (or was ended early by {@code --abort-on-fail}), and a {@code --threshold} failed. */
    THRESHOLD_FAILED(4, "a --threshold failed; the summary and --json say which"),
    /** {@code diff}: the new backend answered differently from the old one. */
    DIFFERENT(5, "diff: the new backend answered differently from the old one"),
    /** Interrupted by the user (Ctrl-C); partial results are kept. */
    INTERRUPTED(130, "interrupted (Ctrl-C); what was measured is kept"),
    /** A bug in Stackbench: an unexpected exception. */
    INTERNAL(70, "a bug in Stackbench: please report it with its stack trace");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return what the code means, as the help's exit code list says it */
    public String meaning() {
        return meaning;
    }

    /** @return the numeric process exit code */
    public int code() {
        return code;
    }
}
