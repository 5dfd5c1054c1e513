package dev.stackbench.analysis;

/** What a table is ranked by. */
public enum RankBy {
    /** Closed model: higher median req/s first; spreads of req/s decide "not distinguishable". */
    THROUGHPUT,
    /**
     * Open model: every contestant was offered the same rate, so req/s says little; lower median
     * p99 latency first; spreads of p99 decide "not distinguishable".
     */
    P99_LATENCY
}
