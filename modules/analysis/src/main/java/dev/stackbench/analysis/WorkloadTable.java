package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import java.util.List;

/**
 * The ranking of the contestants on one workload at one load level.
 *
 * @param workload the workload
 * @param level the load level
 * @param rankBy the ranking metric (req/s for the closed model, p99 for the open model)
 * @param rows best first
 * @param unranked cells without a single rankable trial, in plan order
 */
public record WorkloadTable(String workload, LoadLevel level, RankBy rankBy, List<RankedCell> rows,
        List<Unranked> unranked) {
    public WorkloadTable {
        rows = List.copyOf(rows);
        unranked = List.copyOf(unranked);
    }
}
