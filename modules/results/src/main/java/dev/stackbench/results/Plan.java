package dev.stackbench.results;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a run was asked to measure: the suite's matrix after command-line overrides.
 *
 * @param contestants contestant ids, in the order they run
 * @param workloads workload names ({@code json}, {@code user}, ...)
 * @param levels load levels, each run for every contestant x workload
 * @param trials measured trials per contestant x workload x level, >= 1
 * @param warmup warm-up before every measured trial (not recorded)
 * @param trialDuration length of every measured trial
 * @param cpuSets the CPU sets asked for
 */
public record Plan(
        List<String> contestants,
        List<String> workloads,
        List<LoadLevel> levels,
        int trials,
        Duration warmup,
        Duration trialDuration,
        CpuSets cpuSets) {

    public Plan {
        contestants = List.copyOf(contestants);
        workloads = List.copyOf(workloads);
        levels = List.copyOf(levels);
        if (trials < 1) {
            throw new IllegalArgumentException("plan.trials must be >= 1, was " + trials);
        }
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(trialDuration, "trialDuration");
        Objects.requireNonNull(cpuSets, "cpuSets");
    }
}
