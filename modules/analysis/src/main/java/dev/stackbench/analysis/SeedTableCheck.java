package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Puts a run's cells beside a seed article's table. */
final class SeedTableCheck {

    private SeedTableCheck() {
    }

    static SeedComparison compare(SeedArticle article, Analysis analysis) {
        List<WorkloadTable> closed = analysis.tables().stream()
                .filter(t -> t.workload().equals(article.workload()) && t.level() instanceof LoadLevel.Closed)
                .toList();
        Optional<WorkloadTable> table = closed.stream()
                .filter(t -> ((LoadLevel.Closed) t.level()).connections() == article.connections()).findFirst();
        Optional<String> note = Optional.empty();
        if (table.isEmpty() && !closed.isEmpty()) {
            table = closed.stream().max(Comparator.comparingInt(t -> ((LoadLevel.Closed) t.level()).connections()));
            note = Optional.of("the article used " + article.connections() + " connections; this run's largest"
                    + " closed level on '" + article.workload() + "' is " + table.get().level().describe());
        } else if (table.isEmpty()) {
            note = Optional.of("this run has no closed-model '" + article.workload() + "' trials");
        }
        List<SeedComparison.SeedRow> rows = new ArrayList<>();
        for (SeedArticle.Row row : article.rows()) {
            Optional<Cell> cell = table.flatMap(t -> cellFor(t, row.framework()));
            Optional<String> missing = cell.isPresent() ? Optional.empty()
                    : Optional.of(whyMissing(analysis, row.framework()));
            rows.add(new SeedComparison.SeedRow(row, cell, missing));
        }
        List<SeedComparison.SeedRatio> ratios = new ArrayList<>();
        for (SeedArticle.Ratio ratio : article.ratios()) {
            Optional<Cell> faster = table.flatMap(t -> cellFor(t, ratio.faster()));
            Optional<Cell> slower = table.flatMap(t -> cellFor(t, ratio.slower()));
            if (faster.isPresent() && slower.isPresent()) {
                int rounds = analysis.run().trials().stream().mapToInt(Trial::round).max().orElse(0);
                ratios.add(new SeedComparison.SeedRatio(ratio, Optional.of(Ratio.paired(
                        Ranking.byRound(faster.get(), Trial::throughputPerSecond, rounds),
                        Ranking.byRound(slower.get(), Trial::throughputPerSecond, rounds)))));
            } else {
                ratios.add(new SeedComparison.SeedRatio(ratio, Optional.empty()));
            }
        }
        return new SeedComparison(article, table.map(WorkloadTable::level), rows, ratios, note);
    }

    /** The framework's cell; of several contestants with that framework, the realistic variant first. */
    private static Optional<Cell> cellFor(WorkloadTable table, String framework) {
        return table.rows().stream().map(RankedCell::cell)
                .filter(c -> framework.equalsIgnoreCase(c.contestant().framework()) && c.contestant().aaTwinOf().isEmpty())
                .min(Comparator.comparing((Cell c) -> !"realistic".equals(c.contestant().variant()))
                        .thenComparing(c -> c.key().contestant()));
    }

    private static String whyMissing(Analysis analysis, String framework) {
        Optional<Contestant> c = analysis.run().contestants().stream()
                .filter(x -> framework.equalsIgnoreCase(x.framework())).findFirst();
        return c.map(x -> x.measured() ? x.id() + " has no trials at this level" : x.id() + " " + x.status().describe())
                .orElse("no " + framework.toLowerCase(Locale.ROOT) + " contestant in this run");
    }
}
