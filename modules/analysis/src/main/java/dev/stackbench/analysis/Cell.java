package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.Trial;
import java.util.List;
import java.util.Set;

/**
 * The statistics of one cell across its ranked trials (valid, error rate under the threshold).
 * Every latency figure is the median across trials of that trial's percentile of successful
 * responses (not a percentile of merged trials), in microseconds.
 *
 * @param key contestant x workload x level
 * @param contestant the contestant's record
 * @param trials every trial of the cell, ranked or not, in trial order
 * @param ranked the trials the figures come from, in trial order; at least one
 * @param excluded the trials not ranked, and why, in trial order
 * @param throughput successful responses per second
 * @param p50 median latency, µs
 * @param p90 90th percentile, µs
 * @param p99 99th percentile, µs
 * @param p999 99.9th percentile, µs
 * @param meanLatency mean latency, µs
 * @param serviceP99 open model: 99th percentile service time, µs; null in the closed model
 * @param achievedRate the generator's achieved rate, responses per second
 * @param errors failed requests, summed over the ranked trials
 * @param errorRate failed / attempted requests over the ranked trials, 0..1
 * @param cpuCores the contestant's mean CPU use per trial, cores
 * @param databaseCpuCores PostgreSQL's mean CPU use per trial, cores; null when not measured
 * @param monitorSources the monitor sources of the ranked trials ({@code cgroup}, {@code proc}),
 *     sorted
 * @param rssMeanBytes median of the trials' mean memory, bytes
 * @param rssPeakBytes largest peak memory of any ranked trial, bytes
 * @param unsent open model: requests due but never sent, summed over the ranked trials
 * @param generatorBoundTrials indexes of the trials (ranked or not) whose generator judged
 *     itself the bottleneck
 * @param flags warnings
 */
public record Cell(
        CellKey key,
        Contestant contestant,
        List<Trial> trials,
        List<Trial> ranked,
        List<Exclusion> excluded,
        Spread throughput,
        PercentileFigure p50,
        PercentileFigure p90,
        PercentileFigure p99,
        PercentileFigure p999,
        Spread meanLatency,
        Spread serviceP99,
        Spread achievedRate,
        long errors,
        double errorRate,
        Spread cpuCores,
        Spread databaseCpuCores,
        List<String> monitorSources,
        long rssMeanBytes,
        long rssPeakBytes,
        long unsent,
        List<Integer> generatorBoundTrials,
        Set<Flag> flags) {

    public Cell {
        trials = List.copyOf(trials);
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
        monitorSources = List.copyOf(monitorSources);
        generatorBoundTrials = List.copyOf(generatorBoundTrials);
        flags = Set.copyOf(flags);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a ranked cell needs at least one ranked trial: " + key);
        }
    }

    /** @return whether the cell carries this flag */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
