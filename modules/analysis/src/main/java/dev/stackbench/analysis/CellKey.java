package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Trial;
import java.util.Objects;

/**
 * One cell of a run's matrix: a contestant x workload x load level, measured by several trials.
 */
public record CellKey(String contestant, String workload, LoadLevel level) {
    public CellKey {
        Objects.requireNonNull(contestant, "contestant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(level, "level");
    }

    /** @return the cell a trial belongs to */
    public static CellKey of(Trial trial) {
        return new CellKey(trial.contestant(), trial.workload(), trial.level());
    }

    @Override
    public String toString() {
        return contestant + " " + workload + " " + level.label();
    }
}
