package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.Trial;
import java.util.List;
import java.util.Set;

/**
 * The statistics of one cell across its trials. Every latency figure is the median across
 * trials of that trial's percentile (not a percentile of merged trials), in microseconds, so that
 * its spread shows the trial-to-trial noise.
 *
 * @param key contestant x workload x level
 * @param contestant the contestant's record
 * @param trials the cell's trials, in trial order
 * @param throughput successful responses per second
 * @param p50 median latency, µs
 * @param p90 90th percentile, µs
 * @param p99 99th percentile, µs
 * @param p999 99.9th percentile, µs
 * @param meanLatency mean latency, µs
 * @param serviceP99 open model: 99th percentile service time, µs; null in the closed model
 * @param achievedRate requests sent per second (the generator's count)
 * @param errors failed requests, summed over trials
 * @param errorRate failed / (responses + transport failures), over all trials, 0..1
 * @param cpuCores median of the trials' mean server CPU use, in cores
 * @param rssMeanBytes median of the trials' mean resident set, bytes
 * @param rssPeakBytes largest peak resident set of any trial, bytes
 * @param generatorBoundTrials indexes of the trials whose generator judged itself the bottleneck
 * @param flags warnings
 */
public record Cell(
        CellKey key,
        Contestant contestant,
        List<Trial> trials,
        Spread throughput,
        Spread p50,
        Spread p90,
        Spread p99,
        Spread p999,
        Spread meanLatency,
        Spread serviceP99,
        Spread achievedRate,
        long errors,
        double errorRate,
        double cpuCores,
        long rssMeanBytes,
        long rssPeakBytes,
        List<Integer> generatorBoundTrials,
        Set<Flag> flags) {

    public Cell {
        trials = List.copyOf(trials);
        generatorBoundTrials = List.copyOf(generatorBoundTrials);
        flags = Set.copyOf(flags);
    }

    /** @return whether the cell carries this flag */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
