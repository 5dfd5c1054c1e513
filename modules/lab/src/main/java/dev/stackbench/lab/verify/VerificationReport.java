package dev.stackbench.lab.verify;

import java.util.List;
import java.util.OptionalLong;

/**
 * Whether one contestant implements the spec.
 *
 * @param contestant    its id (or the URL for a running server)
 * @param checks        every check made, in order; a contestant that did not start has one
 *                      failed check, {@code start}
 * @param startupMillis spawn to first good response, in ms; empty when it was not started by us or failed to start
 */
public record VerificationReport(String contestant, List<CheckResult> checks, OptionalLong startupMillis) {
    /** The name of the check standing for "it started and became ready". */
    public static final String START = "start";

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** @return a report of a contestant that could not be started, with the reason */
    public static VerificationReport notStarted(String contestant, String reason) {
        return new VerificationReport(contestant, List.of(new CheckResult.Failed(START, reason)), OptionalLong.empty());
    }

    /** @return true when at least one check was made and all passed */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c instanceof CheckResult.Passed);
    }

    /** @return the failed checks */
    public List<CheckResult.Failed> failures() {
        return checks.stream().filter(c -> c instanceof CheckResult.Failed).map(c -> (CheckResult.Failed) c).toList();
    }

    /** @return how many checks passed */
    public long passedCount() {
        return checks.stream().filter(c -> c instanceof CheckResult.Passed).count();
    }
}
