package dev.stackbench.lab.contestant;

import dev.stackbench.lab.monitor.ResourceSummary;
import java.util.Optional;

/**
 * What the servers used over one measured window, and whether they stayed up.
 *
 * @param contestant what the contestant used
 * @param database   what the private PostgreSQL used over the same window; empty without one
 *                   (no database, or one given by URL)
 * @param fault      the fault that makes the trial invalid; empty: both stayed up
 */
public record TrialUsage(ResourceSummary contestant, Optional<ResourceSummary> database, Optional<Fault> fault) {
    /** @return true when neither the contestant nor the database went down */
    public boolean valid() {
        return fault.isEmpty();
    }
}
