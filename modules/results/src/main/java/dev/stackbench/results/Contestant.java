package dev.stackbench.results;

import java.util.Objects;
import java.util.Optional;

/**
 * One contestant of a run, as installed and started (or not).
 *
 * @param id the manifest id, e.g. {@code fastapi-uvicorn}
 * @param name what people call it, e.g. {@code FastAPI (uvicorn)}
 * @param language e.g. {@code javascript}, {@code python}
 * @param framework e.g. {@code FastAPI}
 * @param frameworkVersion as installed, e.g. {@code 0.115.8}
 * @param runtime e.g. {@code CPython}, {@code Node.js}
 * @param runtimeVersion as installed
 * @param variant {@code realistic} unless tuned beyond the framework's docs
 * @param codeCommit the commit of the contestant's code
 * @param workers processes or threads started for the CPU budget, >= 1
 * @param status measured, or why not
 * @param restarts how often it was restarted during the run after a crash (0 = never), >= 0
 * @param startupMillis from process start to the first successful readiness probe, in
 *     milliseconds; null when it never became ready
 * @param idleRssBytes resident set size of the whole process tree after readiness and before
 *     load, in bytes; null when not measured
 */
public record Contestant(
        String id,
        String name,
        String language,
        String framework,
        String frameworkVersion,
        String runtime,
        String runtimeVersion,
        String variant,
        String codeCommit,
        int workers,
        ContestantStatus status,
        int restarts,
        Long startupMillis,
        Long idleRssBytes) {

    public Contestant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be >= 0, was " + restarts);
        }
    }

    /**
     * Ends the id of the second instance of an A/A pair: {@code fastify_2} is {@code fastify} started
     * a second time and measured as another contestant (manifest ids are {@code [a-z0-9-]+}).
     */
    public static final String AA_SUFFIX = "_2";

    /** @return the id of the contestant this one is the A/A twin of, or empty when it is not a twin */
    public Optional<String> aaTwinOf() {
        return id.endsWith(AA_SUFFIX) ? Optional.of(id.substring(0, id.length() - AA_SUFFIX.length())) : Optional.empty();
    }

    /** Never restarted: the schema-1 shape, for callers not yet updated. */
    public Contestant(String id, String name, String language, String framework, String frameworkVersion,
            String runtime, String runtimeVersion, String variant, String codeCommit, int workers,
            ContestantStatus status, Long startupMillis, Long idleRssBytes) {
        this(id, name, language, framework, frameworkVersion, runtime, runtimeVersion, variant, codeCommit, workers,
                status, 0, startupMillis, idleRssBytes);
    }

    /** @return whether it has measured trials: measured, or crashed after some were measured */
    public boolean measured() {
        return status instanceof ContestantStatus.Measured || status instanceof ContestantStatus.Crashed;
    }
}
