package dev.stackbench.analysis;

/** Warnings on a cell. Each has a one-letter mark for tables and a sentence for the legend. */
public enum Flag {
    /** At least one trial's generator judged itself the bottleneck: the server may be faster. */
    GENERATOR_BOUND('G', "generator-bound: the load generator was the bottleneck in at least one trial;"
            + " the server may be faster than shown"),
    /** The throughput spread across trials is above the noise threshold: too wide to rank on. */
    NOISY('N', "noisy: trials spread more than the threshold; do not rank on this cell"),
    /** Some requests failed (connect, read, write, timeout or non-2xx). */
    ERRORS('E', "errors: some requests failed; failed requests are not counted in req/s"),
    /** Open model: the contestant did not keep up with the offered rate. */
    SATURATED('S', "saturated: achieved less than the offered rate; latency grows through the trial");

    private final char mark;
    private final String legend;

    Flag(char mark, String legend) {
        this.mark = mark;
        this.legend = legend;
    }

    /** @return the one-letter mark */
    public char mark() {
        return mark;
    }

    /** @return the legend sentence */
    public String legend() {
        return legend;
    }
}
