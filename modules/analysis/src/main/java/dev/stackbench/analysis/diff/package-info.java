/**
 * The migration check's analysis ({@code stackbench diff}): pure comparison of recorded exchanges.
 * {@link dev.stackbench.analysis.diff.ResponseDiff} compares two responses (status, chosen headers,
 * bodies: JSON structurally by {@link dev.stackbench.analysis.diff.JsonDiff}, others byte-wise or by
 * length); {@link dev.stackbench.analysis.diff.DiffAnalyzer} learns noise from two copies of the old
 * backend (as Twitter's Diffy) and groups what is left by endpoint and location into a
 * {@link dev.stackbench.analysis.diff.DiffReport}; {@link dev.stackbench.analysis.diff.LoadComparison}
 * judges the {@code --load} trials with the paired-by-round interval. No I/O here.
 */
package dev.stackbench.analysis.diff;
