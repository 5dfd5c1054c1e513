/**
 * Pure functions over a {@link dev.stackbench.results.Run}: per-cell statistics over trials
 * ({@link dev.stackbench.analysis.Cell}), noise flags, ranking with "not distinguishable" marks,
 * ratios to the fastest, the seed-table fact check ({@link dev.stackbench.analysis.SeedComparison})
 * and the comparison of two runs ({@link dev.stackbench.analysis.Comparison}).
 *
 * <p>Analyse once, render many: {@link dev.stackbench.analysis.Analyzer#analyze} builds one
 * immutable {@link dev.stackbench.analysis.Analysis} that every renderer reads. Nothing here reads
 * files, clocks or locales; thresholds live in {@link dev.stackbench.analysis.AnalysisSettings}.
 */
package dev.stackbench.analysis;
