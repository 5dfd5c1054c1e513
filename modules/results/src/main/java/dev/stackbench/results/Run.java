package dev.stackbench.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of a suite: the content of {@code run.json}.
 *
 * @param schemaVersion the format version of this file; {@link #SCHEMA_VERSION} when written by
 *     this code
 * @param suite the suite name, e.g. {@code seed-table}, {@code quick}
 * @param started when the run started (UTC)
 * @param finished when the run ended (UTC); for an interrupted run, when it was stopped
 * @param status whether every planned trial was measured
 * @param plan what was asked for
 * @param environment the machine and runtimes it ran on
 * @param contestants every contestant of the plan, measured or not, in plan order
 * @param trials every measured trial, in the order they ran
 * @param reference the drift reference, measured between rounds, in the order measured; empty
 *     when the run had none (schema 1)
 */
public record Run(
        int schemaVersion,
        String suite,
        Instant started,
        Instant finished,
        RunStatus status,
        Plan plan,
        Environment environment,
        List<Contestant> contestants,
        List<Trial> trials,
        List<ReferenceMeasurement> reference) {

    /**
     * The schema version this code writes and the newest it reads (it reads 1 to 3 too). Schema 3
     * added the fan-out level ({@link LoadLevel.Fanout}), a trial's {@link TrialDetail} and the
     * generator's {@code lagged}; schema 4 the plan's {@link Plan#params()} (the io delay and the cpu
     * n sent) and {@link Plan#mix()} (a profile's request mix).
     */
    public static final int SCHEMA_VERSION = 4;

    public Run {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(environment, "environment");
        contestants = List.copyOf(contestants);
        trials = List.copyOf(trials);
        reference = List.copyOf(reference == null ? List.of() : reference);
    }

    /** Without a drift reference, for callers not yet updated to schema 2. */
    public Run(int schemaVersion, String suite, Instant started, Instant finished, RunStatus status, Plan plan,
            Environment environment, List<Contestant> contestants, List<Trial> trials) {
        this(schemaVersion, suite, started, finished, status, plan, environment, contestants, trials, List.of());
    }

    /** @return the contestant with this id, if the run has it */
    public Optional<Contestant> contestant(String id) {
        return contestants.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
