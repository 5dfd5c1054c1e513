package dev.stackbench.analysis.advise;

import java.util.List;

/**
 * The advisor's answer to one profile over one or more runs. What every advice renderer reads.
 *
 * @param profile the profile
 * @param runs one line per run read, e.g. {@code seed-table, 2025-03-01T10:00:00Z, server CPUs 1}
 * @param ranked the contestants that can meet the target, best first
 * @param cannotMeet the contestants measured in the open model that met the target at no level,
 *     with their best p99
 * @param notMeasurable the contestants the runs cannot size (a workload without a usable level)
 * @param sensitivity what the answer is sensitive to: the same question with one thing changed
 * @param notes what the reader must know: the rules used, labelled estimates, what was not measured
 * @param costByTarget the monthly cost of every contestant at p99 targets around the profile's
 *     ({@link Advisor#TARGET_FACTORS} x the target), for the chart of cost against the target
 */
public record Advice(Profile profile, List<String> runs, List<ContestantAdvice> ranked,
        List<ContestantAdvice> cannotMeet, List<ContestantAdvice> notMeasurable, List<Scenario> sensitivity,
        List<String> notes, List<TargetPoint> costByTarget) {
    public Advice {
        runs = List.copyOf(runs);
        ranked = List.copyOf(ranked);
        cannotMeet = List.copyOf(cannotMeet);
        notMeasurable = List.copyOf(notMeasurable);
        sensitivity = List.copyOf(sensitivity);
        notes = List.copyOf(notes);
        costByTarget = List.copyOf(costByTarget);
    }

    /**
     * @param targetMicros a p99 target, µs
     * @param costs per contestant (all measured contestants, first-seen order): its monthly cost and
     *     cores at that target, or empty when it cannot meet it or cannot be sized
     */
    public record TargetPoint(long targetMicros, List<ContestantCost> costs) {
        public TargetPoint {
            costs = List.copyOf(costs);
        }
    }

    /**
     * @param contestant the contestant id
     * @param fit its sizing at that target, if it meets it
     */
    public record ContestantCost(String contestant, java.util.Optional<ContestantAdvice.Fit> fit) {
    }

    /** @return the contestant ranked first, if any fits */
    public java.util.Optional<ContestantAdvice> first() {
        return ranked.stream().findFirst();
    }

    /**
     * The answer with one thing changed.
     *
     * @param change what changed
     * @param profile the changed profile
     * @param ranked the contestants that fit then, best first (cores per contestant)
     * @param cannotMeet the ids of the contestants that no longer fit, in the order of this advice
     */
    public record Scenario(Change change, Profile profile, List<ContestantAdvice> ranked, List<String> cannotMeet) {
        public Scenario {
            ranked = List.copyOf(ranked);
            cannotMeet = List.copyOf(cannotMeet);
        }
    }

    /** The changes the sensitivity lines try. */
    public enum Change {
        /** The peak request rate doubles. */
        PEAK_DOUBLES,
        /** The p99 target halves. */
        TARGET_HALVES,
        /**
         * Every measured capacity at the next measured rate above it (which missed the target): the
         * most the step resolution can hide; the true answer lies between this and the base.
         */
        NEXT_MEASURED_STEP,
        /** Every need's weight is 0: the order by measured cost alone. */
        NO_WEIGHTS
    }
}
