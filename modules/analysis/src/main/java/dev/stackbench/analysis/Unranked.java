package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.Trial;
import java.util.List;

/**
 * A cell none of whose trials can be ranked: shown under its table with the count and the first
 * reason, never ranked.
 *
 * @param key the cell
 * @param contestant the contestant's record
 * @param trials its trials
 * @param excluded why each is not ranked, in trial order; as many as trials
 */
public record Unranked(CellKey key, Contestant contestant, List<Trial> trials, List<Exclusion> excluded) {
    public Unranked {
        trials = List.copyOf(trials);
        excluded = List.copyOf(excluded);
    }
}
