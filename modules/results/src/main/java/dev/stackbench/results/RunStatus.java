package dev.stackbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a run ended. */
public enum RunStatus {
    /** Every planned trial ran (some contestants may still have failed verification). */
    @JsonProperty("complete") COMPLETE,
    /** Stopped by the user before the plan was done; the trials so far are kept. */
    @JsonProperty("interrupted") INTERRUPTED,
    /** Stopped by an error (e.g. PostgreSQL would not start); the trials so far are kept. */
    @JsonProperty("failed") FAILED
}
