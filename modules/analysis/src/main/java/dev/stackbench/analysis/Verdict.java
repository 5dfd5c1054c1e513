package dev.stackbench.analysis;

/** How run B's cell compares with run A's. */
public enum Verdict {
    /** B is better: more req/s, or a lower latency. */
    FASTER,
    /** B is worse. */
    SLOWER,
    /** Not distinguishable: below the minimum difference, or within the noise of the two cells. */
    SAME
}
