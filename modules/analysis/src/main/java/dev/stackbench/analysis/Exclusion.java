package dev.stackbench.analysis;

import java.util.List;

/**
 * A trial that is not ranked, and why.
 *
 * @param trial its index in the cell
 * @param round the round it ran in
 * @param reasons the run's own reasons ({@code Trial.invalid}), then the analysis's (error rate
 *     above {@link AnalysisSettings#maxErrorRate()}); at least one
 */
public record Exclusion(int trial, int round, List<String> reasons) {
    public Exclusion {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an exclusion needs a reason");
        }
    }

    /** @return the first reason */
    public String reason() {
        return reasons.get(0);
    }
}
