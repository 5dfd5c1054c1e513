package dev.stackbench.analysis;

/** What a table is ranked by. */
public enum RankBy {
    /** Closed model: higher median req/s first. */
    THROUGHPUT,
    /** Open model: every contestant was offered the same rate, so req/s says little; lower median p99 first. */
    P99_LATENCY
}
