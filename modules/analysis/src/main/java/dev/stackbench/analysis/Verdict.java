package dev.stackbench.analysis;

/** How run B's cell compares with run A's. */
public enum Verdict {
    /** B is better (more req/s, or a lower latency): the ratio's interval excludes 1. */
    FASTER,
    /** B is worse: the ratio's interval excludes 1. */
    SLOWER,
    /** The ratio's interval lies within the equivalence margin. */
    SAME,
    /** No verdict: the interval contains 1 but reaches beyond the margin, or there are too few trials. */
    UNSURE
}
