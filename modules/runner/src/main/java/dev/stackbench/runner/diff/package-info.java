/**
 * {@code stackbench diff}'s I/O: the request set (a requests file, YAML, a HAR file, or the spec's
 * endpoints), replaying it to the old, old2 and new backends with the JDK HttpClient
 * ({@link dev.stackbench.runner.diff.Replayer}), and the {@code --load} trials interleaved in rounds
 * with the load generator ({@link dev.stackbench.runner.diff.LoadTrials}). The comparison itself is
 * {@code dev.stackbench.analysis.diff}.
 */
package dev.stackbench.runner.diff;
