package dev.stackbench.analysis.claims;

import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Spread;
import java.util.Optional;

/**
 * One pair of contestants behind a verdict: the cells compared, each side's median with its
 * interval, and a's advantage over b.
 *
 * @param a the contestant of the claim's side a
 * @param b the contestant of side b
 * @param workload the workload, or {@code none} for per-contestant figures
 * @param level the load level's label (e.g. {@code c100}), or empty for per-contestant figures
 * @param quantity what was compared
 * @param aValue a's figure across its ranked trials (one value for per-contestant figures)
 * @param bValue b's figure
 * @param advantage a over b, oriented so that above 1 means a is better (a/b for req/s, b/a
 *     otherwise), paired by round; its interval is empty when it cannot be computed
 * @param outcome this pair's outcome under the claim's rule
 * @param why for an inconclusive pair, why (e.g. {@code no interval: 1 common round})
 */
public record Evidence(String a, String b, String workload, String level, Quantity quantity, Spread aValue,
        Spread bValue, Ratio advantage, Outcome outcome, Optional<String> why) {

    /** @return {@code fastify json c1000} style cell names, e.g. for messages */
    public String cells() {
        return level.isEmpty() ? a + " vs " + b : a + " vs " + b + " " + workload + " " + level;
    }
}
