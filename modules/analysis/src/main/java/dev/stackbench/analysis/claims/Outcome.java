package dev.stackbench.analysis.claims;

/** A claim's verdict word. */
public enum Outcome {
    /** The interval of every pair lies beyond the threshold on the claim's side. */
    HOLDS("holds"),
    /** The interval of every pair lies beyond the threshold on the other side. */
    FAILS("fails"),
    /** Holds for some pairs and fails for others (e.g. async servers vs sync ones). */
    DEPENDS("depends"),
    /** The run cannot tell: missing cells, too few trials, intervals across the threshold. */
    INCONCLUSIVE("inconclusive on this run"),
    /** A performance claim this machine cannot test. */
    NOT_MEASURABLE("not measurable on this machine"),
    /** Not about performance. */
    NOT_A_PERFORMANCE_CLAIM("not a performance claim");

    private final String words;

    Outcome(String words) {
        this.words = words;
    }

    /** @return what reports print, e.g. {@code inconclusive on this run} */
    public String words() {
        return words;
    }

    /** @return the JSON name, e.g. {@code inconclusive} */
    public String id() {
        return switch (this) {
            case HOLDS -> "holds";
            case FAILS -> "fails";
            case DEPENDS -> "depends";
            case INCONCLUSIVE -> "inconclusive";
            case NOT_MEASURABLE -> "notMeasurable";
            case NOT_A_PERFORMANCE_CLAIM -> "notAPerformanceClaim";
        };
    }
}
