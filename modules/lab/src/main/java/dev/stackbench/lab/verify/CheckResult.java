package dev.stackbench.lab.verify;

/** The outcome of one check, e.g. {@code GET /api/users/42}. */
public sealed interface CheckResult permits CheckResult.Passed, CheckResult.Failed {

    /** @return what was checked, e.g. {@code GET /io?ms=50} */
    String check();

    /** The server did what the spec says. */
    record Passed(String check) implements CheckResult {
    }

    /**
     * The server did not do what the spec says.
     *
     * @param reason short: expected vs got, e.g. {@code status: expected 404, got 500}
     */
    record Failed(String check, String reason) implements CheckResult {
    }
}
