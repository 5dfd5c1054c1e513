package dev.stackbench.analysis;

import java.util.List;

/**
 * A cell's place in its table.
 *
 * @param cell the cell
 * @param rank 1-based, competition style (1, 1, 3): the cells of one rank group share the rank of
 *     the group's first; no group holds two cells distinguishable from each other
 * @param tiedWithAbove whether this cell is in the same rank group as the row above (the
 *     renderers' "≈" mark)
 * @param ratioToBest closed model: req/s over the best's req/s (1 for the best, below 1 for the
 *     others); open model: p99 over the best's p99 (1 for the best, above 1 for the others); paired
 *     by round, with its interval
 * @param notDistinguishableFrom ids of every other contestant of the table this one is not
 *     distinguishable from (see {@link Ranking}), in table order; may cross rank groups
 */
public record RankedCell(Cell cell, int rank, boolean tiedWithAbove, Ratio ratioToBest,
        List<String> notDistinguishableFrom) {
    public RankedCell {
        notDistinguishableFrom = List.copyOf(notDistinguishableFrom);
    }
}
