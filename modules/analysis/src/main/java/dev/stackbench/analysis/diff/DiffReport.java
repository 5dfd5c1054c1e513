package dev.stackbench.analysis.diff;

import java.util.List;
import java.util.Map;

/**
 * The correctness half of {@code stackbench diff}: what was replayed and how the new backend
 * differs, grouped.
 *
 * @param requests          requests replayed
 * @param differing         requests with at least one reported difference
 * @param endpoints         requests per endpoint, sorted by endpoint
 * @param groups            differences by endpoint, kind and location; the most requests affected first
 * @param noise             what was learned as noise from old vs old2 (empty without old2)
 * @param learnedNoise      whether an old2 was replayed (noise learning was on)
 * @param settings          what was compared
 */
public record DiffReport(int requests, int differing, Map<Endpoint, Integer> endpoints, List<DiffGroup> groups,
                         List<LearnedNoise> noise, boolean learnedNoise, DiffSettings settings) {
    public DiffReport {
        endpoints = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(endpoints));
        groups = List.copyOf(groups);
        noise = List.copyOf(noise);
    }

    /** @return whether the new backend answered every request as the old one did (after noise and ignores) */
    public boolean equivalent() {
        return differing == 0;
    }
}
