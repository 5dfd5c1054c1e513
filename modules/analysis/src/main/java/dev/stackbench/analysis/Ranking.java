package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Ranks the cells of one table. Order: median of the ranking metric (req/s descending in the
 * closed model, p99 ascending in the open model). Two cells are <em>not distinguishable</em>
 * when the {@value Spread#CONFIDENCE_PERCENT}% interval of their ratio (paired by round, see
 * {@link Ratio#paired}) contains 1, or lies within the equivalence margin
 * {@link AnalysisSettings#sameWithin()}, or cannot be computed (too few trials).
 *
 * <p>Open model: a p99 that too few values back, or a better p99 that is only a lower bound
 * (censored values), tells nothing apart ({@link #p99Comparable}).
 *
 * <p>Rank groups never chain: walking down the sorted cells, a cell joins the group above only
 * when it is not distinguishable from <em>every</em> member; otherwise it opens a new group. So
 * with A &gt; B &gt; C, A~B, B~C but A distinguishable from C, B joins A's group and C starts its
 * own (the notes still say that B and C are not distinguishable).
 */
final class Ranking {

    private Ranking() {
    }

    static WorkloadTable rank(String workload, LoadLevel level, List<Cell> cells, List<Unranked> unranked,
            AnalysisSettings settings) {
        // an open model and a fan-out offer every contestant the same load: the tail latency ranks them
        RankBy rankBy = level instanceof LoadLevel.Closed ? RankBy.THROUGHPUT : RankBy.P99_LATENCY;
        ToDoubleFunction<Trial> metric = metric(rankBy);
        Comparator<Cell> order = rankBy == RankBy.THROUGHPUT
                ? Comparator.comparingDouble((Cell c) -> -c.throughput().median())
                : Comparator.comparingDouble((Cell c) -> c.p99().value().median());
        List<Cell> sorted = cells.stream().sorted(order.thenComparing(c -> c.key().contestant())).toList();
        int rounds = sorted.stream().flatMap(c -> c.ranked().stream()).mapToInt(Trial::round).max().orElse(0);
        List<double[]> byRound = sorted.stream().map(c -> byRound(c, metric, rounds)).toList();
        int n = sorted.size();
        boolean[][] distinguishable = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Ratio r = Ratio.paired(byRound.get(j), byRound.get(i));
                boolean d = r.excludesOne() && !r.withinMargin(settings.sameWithin())
                        && (rankBy == RankBy.THROUGHPUT || p99Comparable(sorted.get(i), sorted.get(j)));
                distinguishable[i][j] = d;
                distinguishable[j][i] = d;
            }
        }
        List<RankedCell> rows = new ArrayList<>();
        int groupStart = 0;
        for (int i = 0; i < n; i++) {
            boolean joins = i > 0;
            for (int k = groupStart; k < i && joins; k++) {
                joins = !distinguishable[i][k];
            }
            if (!joins) {
                groupStart = i;
            }
            List<String> alike = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (k != i && !distinguishable[i][k]) {
                    alike.add(sorted.get(k).key().contestant());
                }
            }
            Ratio toBest = i == 0 ? Ratio.ONE : Ratio.paired(byRound.get(i), byRound.get(0));
            rows.add(new RankedCell(sorted.get(i), groupStart + 1, joins, toBest, alike));
        }
        return new WorkloadTable(workload, level, rankBy, rows, unranked);
    }

    /**
     * @param better the cell with the lower p99
     * @param worse the other
     * @return whether their p99s may tell them apart: both backed by enough values, and the
     *     better one not a lower bound (its true p99 could be higher); a bounded worse one only
     *     gets worse
     */
    static boolean p99Comparable(Cell better, Cell worse) {
        return better.p99().supported() && worse.p99().supported() && !better.p99().lowerBound();
    }

    /** @return the per-trial value a table ranks by */
    static ToDoubleFunction<Trial> metric(RankBy rankBy) {
        return rankBy == RankBy.THROUGHPUT ? Trial::throughputPerSecond : t -> t.latencyMicros().p99();
    }

    /**
     * @return the cell's ranked trials' metric indexed by round - 1, NaN where it has none; the
     *     geometric mean where a round holds several of its trials
     */
    static double[] byRound(Cell cell, ToDoubleFunction<Trial> metric, int rounds) {
        double[] logSum = new double[rounds];
        int[] count = new int[rounds];
        for (Trial t : cell.ranked()) {
            logSum[t.round() - 1] += Math.log(metric.applyAsDouble(t));
            count[t.round() - 1]++;
        }
        double[] out = new double[rounds];
        Arrays.fill(out, Double.NaN);
        for (int r = 0; r < rounds; r++) {
            if (count[r] > 0) {
                out[r] = Math.exp(logSum[r] / count[r]);
            }
        }
        return out;
    }
}
