package dev.stackbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The A/A pair's ratio in one table: the second instance of a contestant over the first, on the
 * table's ranking metric (req/s closed, p99 open), paired by round as every ratio of a run is. Two
 * identical servers should give 1; the interval is the run's noise floor, and an interval that
 * excludes 1 says the run's intervals understate its noise (instances differ, or the machine's
 * drift hit the two unevenly).
 *
 * @param original the original's cell (contestant, workload, level); the twin's id is the
 *     contestant's with {@code _2}
 * @param rankBy the metric
 * @param ratio twin over original
 */
public record AaNoise(CellKey original, RankBy rankBy, Ratio ratio) {

    /** @return whether the pair's interval excludes 1: two identical servers measured as different */
    public boolean differs() {
        return ratio.excludesOne();
    }

    /** @return the A/A pairs of every table that measured both instances, in table order */
    public static List<AaNoise> of(Analysis analysis) {
        List<AaNoise> out = new ArrayList<>();
        for (WorkloadTable t : analysis.tables()) {
            for (RankedCell twin : t.rows()) {
                Optional<String> original = twin.cell().contestant().aaTwinOf();
                if (original.isEmpty()) {
                    continue;
                }
                t.rows().stream().filter(r -> r.cell().key().contestant().equals(original.get())).findFirst()
                        .ifPresent(o -> out.add(new AaNoise(o.cell().key(), t.rankBy(),
                                Ratio.between(twin.cell(), o.cell(), Ranking.metric(t.rankBy())))));
            }
        }
        return out;
    }
}
