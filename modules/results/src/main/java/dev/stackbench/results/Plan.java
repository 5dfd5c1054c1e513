package dev.stackbench.results;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a run was asked to measure: the suite's matrix after command-line overrides.
 *
 * @param contestants contestant ids, in plan order (the order within a round is shuffled)
 * @param workloads workload names ({@code json}, {@code user}, ...)
 * @param levels load levels, each run for every contestant x workload
 * @param trials measured trials per contestant x workload x level, >= 1
 * @param rounds rounds the trials are spread over (every cell once per round), >= 1
 * @param shuffleSeed the seed of the per-round order shuffle, so that the order can be
 *     reproduced
 * @param warmup the warm-up's minimum before every measured trial (schema 1: the fixed warm-up)
 * @param warmupCap the warm-up's cap: it ends when the rate is stable or at this length
 * @param trialDuration length of every measured trial
 * @param cpuSets the CPU sets asked for
 */
public record Plan(
        List<String> contestants,
        List<String> workloads,
        List<LoadLevel> levels,
        int trials,
        int rounds,
        long shuffleSeed,
        Duration warmup,
        Duration warmupCap,
        Duration trialDuration,
        CpuSets cpuSets) {

    public Plan {
        contestants = List.copyOf(contestants);
        workloads = List.copyOf(workloads);
        levels = List.copyOf(levels);
        if (trials < 1) {
            throw new IllegalArgumentException("plan.trials must be >= 1, was " + trials);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("plan.rounds must be >= 1, was " + rounds);
        }
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(warmupCap, "warmupCap");
        Objects.requireNonNull(trialDuration, "trialDuration");
        Objects.requireNonNull(cpuSets, "cpuSets");
    }

    /**
     * The schema-1 shape, for callers not yet updated: one round per trial, seed 0, the warm-up
     * its own cap.
     */
    public Plan(List<String> contestants, List<String> workloads, List<LoadLevel> levels, int trials,
            Duration warmup, Duration trialDuration, CpuSets cpuSets) {
        this(contestants, workloads, levels, trials, trials, 0L, warmup, warmup, trialDuration, cpuSets);
    }
}
