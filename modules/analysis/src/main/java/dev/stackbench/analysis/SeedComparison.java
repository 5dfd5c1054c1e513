package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import java.util.List;
import java.util.Optional;

/**
 * The article's table beside ours. Absolute numbers depend on the machine and are shown, never
 * judged; the ratios are what can be compared across machines.
 *
 * @param article the article's figures
 * @param level the load level our figures come from: closed at the article's connections when
 *     the run has it, else the run's largest closed level (see {@code note})
 * @param rows one per article row, in its order
 * @param ratios one per article ratio, in its order
 * @param note empty, or why our setup differs from the article's (e.g. another connection count)
 */
public record SeedComparison(SeedArticle article, Optional<LoadLevel> level, List<SeedRow> rows,
        List<SeedRatio> ratios, Optional<String> note) {

    public SeedComparison {
        rows = List.copyOf(rows);
        ratios = List.copyOf(ratios);
    }

    /**
     * @param article the article's row
     * @param measured our cell for that framework, or empty
     * @param missing why there is no cell (not in the run, failed verification...), else empty
     */
    public record SeedRow(SeedArticle.Row article, Optional<Cell> measured, Optional<String> missing) {
    }

    /**
     * @param article the article's ratio
     * @param measured our req/s ratio (faster / slower), paired by round, with its interval; empty
     *     when a side is missing
     */
    public record SeedRatio(SeedArticle.Ratio article, Optional<Ratio> measured) {

        /** @return measured / article - 1 (e.g. -0.03 = 3% below the article), or empty */
        public Optional<Double> deviation() {
            return measured.map(m -> m.estimate() / article.articleRatio() - 1);
        }

        /** @return whether the article's ratio lies inside our interval; empty without an interval */
        public Optional<Boolean> articleInside() {
            return measured.flatMap(Ratio::interval).map(i -> i.contains(article.articleRatio()));
        }
    }
}
