package dev.stackbench.analysis.diff;

import java.util.List;

/**
 * The requests of one endpoint that differ in one place the same way.
 *
 * @param endpoint         method and path template
 * @param kind             what differs
 * @param location         where, array indices as {@code [*]} (see {@link Difference#generalLocation()})
 * @param affected         requests of the endpoint with this difference
 * @param endpointRequests requests of the endpoint replayed
 * @param examples         the first few, in replay order
 */
public record DiffGroup(Endpoint endpoint, Difference.Kind kind, String location, int affected, int endpointRequests,
                        List<Example> examples) {
    public DiffGroup {
        examples = List.copyOf(examples);
    }

    /**
     * One request with this difference, side by side.
     *
     * @param target   the request target, e.g. {@code /api/users/7}
     * @param location the exact location, e.g. {@code $.items[2].name}
     * @param old      the old backend's value
     * @param neu      the new backend's value
     */
    public record Example(String target, String location, String old, String neu) {
    }

    /** @return affected / endpoint requests, 0..1 */
    public double share() {
        return endpointRequests == 0 ? 0 : (double) affected / endpointRequests;
    }
}
