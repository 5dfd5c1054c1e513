package dev.stackbench.analysis;

/**
 * One cell present in both runs.
 *
 * @param key the cell
 * @param a run A's cell
 * @param b run B's cell
 * @param throughput B vs A on req/s (higher is better)
 * @param p99 B vs A on p99 latency (lower is better)
 */
public record CellComparison(CellKey key, Cell a, Cell b, Judgement throughput, Judgement p99) {

    /** @return whether B regressed on either metric: a {@link Verdict#SLOWER} verdict */
    public boolean regressed() {
        return throughput.verdict() == Verdict.SLOWER || p99.verdict() == Verdict.SLOWER;
    }
}
