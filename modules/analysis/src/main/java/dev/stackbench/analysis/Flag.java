package dev.stackbench.analysis;

/** Warnings on a cell. Each has a one-letter mark for tables and a sentence for the legend. */
public enum Flag {
    /**
     * At least one trial's generator judged itself the bottleneck (its CPU saturated): the server may
     * be faster. In runs recorded before {@link #GENERATOR_LAG} existed, any of its concerns.
     */
    GENERATOR_BOUND('G', "generator-bound: the load generator's CPU was saturated in at least one trial;"
            + " the server may be faster than shown"),
    /**
     * At least one trial's generator lagged (send lag or event-loop hiccups, p99) by a noticeable
     * fraction of the p50 latency it reported: its latencies include the generator's own delay.
     * Throughput is not affected by this flag's cause.
     */
    GENERATOR_LAG('H', "generator lag: in at least one trial the generator's own lag (p99 of its send lag or"
            + " event-loop hiccups) exceeded 10% of the p50 latency; latencies include that delay, req/s does not"),
    /** Open model: the generator's connection cap, not the server, held sends back. */
    CONNECTION_LIMITED('L', "connection-limited: the generator's connection cap held sends back in at least one"
            + " trial (not the server's fault); raise the cap"),
    /** The throughput's coefficient of variation across trials is above the noise threshold. */
    NOISY('N', "noisy: the coefficient of variation of the trials' req/s is above the threshold; re-run with more"
            + " trials or a quieter machine"),
    /** Some requests failed (connect, read, write, timeout or non-2xx). */
    ERRORS('E', "errors: some requests failed; failed requests are not counted in req/s"),
    /** Open model: the contestant did not keep up with the offered rate. */
    SATURATED('S', "saturated: achieved less than the offered rate; latency grows through the trial"),
    /** Some trials are not ranked: invalid, or their error rate is above the threshold. */
    EXCLUDED('X', "excluded trials: some trials are not ranked (invalid, or too many errors); the note says why");

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
