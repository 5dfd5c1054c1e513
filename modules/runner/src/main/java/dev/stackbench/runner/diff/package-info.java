/**
 * {@code stackbench diff}'s I/O: the request set (a requests file, YAML, a HAR file, a scenario's
 * mix drawn into concrete requests by {@link dev.stackbench.runner.diff.ScenarioRequests}, or the
 * spec's endpoints), replaying it to the old, old2 and new backends with the JDK HttpClient
 * ({@link dev.stackbench.runner.diff.Replayer}), and the {@code --load} trials interleaved in rounds,
 * driving the same mix ({@link dev.stackbench.runner.diff.LoadMix}) with the load generator
 * ({@link dev.stackbench.runner.diff.LoadTrials}). The comparison itself is
 * {@code dev.stackbench.analysis.diff}.
 */
package dev.stackbench.runner.diff;
