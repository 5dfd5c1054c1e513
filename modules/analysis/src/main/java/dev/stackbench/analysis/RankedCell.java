package dev.stackbench.analysis;

import java.util.List;

/**
 * A cell's place in its table.
 *
 * @param cell the cell
 * @param rank 1-based; a cell not distinguishable from the one above shares its rank
 * @param tiedWithAbove whether this cell's spread overlaps the one ranked just above it (the
 *     renderers' "≈" mark)
 * @param ratioToBest closed model: median req/s / the best median req/s (1.0 for the best, below
 *     1 for the others); open model: median p99 / the best median p99 (1.0 for the best, above 1
 *     for the others)
 * @param notDistinguishableFrom ids of every other contestant of the table whose spread overlaps
 *     this one's, in table order
 */
public record RankedCell(Cell cell, int rank, boolean tiedWithAbove, double ratioToBest,
        List<String> notDistinguishableFrom) {
    public RankedCell {
        notDistinguishableFrom = List.copyOf(notDistinguishableFrom);
    }
}
