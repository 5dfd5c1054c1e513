/**
 * The results directory: the on-disk contract between measuring ({@code stackbench run}) and
 * reporting ({@code stackbench report}, {@code stackbench compare}).
 *
 * <pre>
 * results/&lt;yyyyMMdd'T'HHmmss'Z'&gt;-&lt;suite&gt;/
 *   run.json                                         {@link dev.stackbench.results.Run}, schemaVersion 3 (reads 1 and 2)
 *   trials/&lt;contestant&gt;/&lt;workload&gt;/&lt;level&gt;-t&lt;N&gt;.hlog  one HdrHistogram interval log per trial
 *   logs/                                            contestant stdout/stderr
 * </pre>
 *
 * <p>Everything here is an immutable record; variants are sealed interfaces. {@link
 * dev.stackbench.results.RunCodec} reads and writes {@code run.json} (machine format:
 * {@code Locale.ROOT}, stable field order); {@link dev.stackbench.results.ResultsDirectory}
 * opens and validates a directory and {@link dev.stackbench.results.TrialLogs} reads and writes
 * the interval logs. A change that an older reader cannot read bumps
 * {@link dev.stackbench.results.Run#SCHEMA_VERSION}.
 */
package dev.stackbench.results;
