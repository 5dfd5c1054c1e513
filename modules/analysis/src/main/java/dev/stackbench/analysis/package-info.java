/**
 * Pure functions over a {@link dev.stackbench.results.Run}: which trials may be ranked, per-cell
 * medians with confidence intervals ({@link dev.stackbench.analysis.Cell},
 * {@link dev.stackbench.analysis.Spread}), percentiles only where the sample supports them
 * ({@link dev.stackbench.analysis.PercentileFigure}), noise flags, rankings whose "not
 * distinguishable" groups come from the interval of the pairwise ratio, paired by round and
 * never chained ({@link dev.stackbench.analysis.Ranking}), the drift reference
 * ({@link dev.stackbench.analysis.Drift}), the seed-table fact check
 * ({@link dev.stackbench.analysis.SeedComparison}), the comparison of two runs
 * ({@link dev.stackbench.analysis.Comparison}), and the articles' claims judged on a run
 * ({@link dev.stackbench.analysis.claims}).
 *
 * <p>Analyse once, render many: {@link dev.stackbench.analysis.Analyzer#analyze} builds one
 * immutable {@link dev.stackbench.analysis.Analysis} that every renderer reads. Nothing here reads
 * files, clocks or locales; thresholds live in {@link dev.stackbench.analysis.AnalysisSettings}.
 * Every interval is {@value dev.stackbench.analysis.Spread#CONFIDENCE_PERCENT}%, Student-t on the
 * log scale; docs/reports.md names the estimator of every figure.
 */
package dev.stackbench.analysis;
