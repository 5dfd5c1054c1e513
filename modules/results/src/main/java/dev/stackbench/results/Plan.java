package dev.stackbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param params the workloads' parameters the run sent (schema 4); null in older files, which did not
 *     record them, and then left out of the file
 * @param mix the request mix every trial of workload {@value #MIX} sent (schema 4: a profile's run,
 *     {@code stackbench run --profile}); null when the run measured no mix, and then left out
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
        CpuSets cpuSets,
        @JsonInclude(JsonInclude.Include.NON_NULL) Params params,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MixShare> mix) {

    /** The workload of the trials that send the plan's {@link #mix()} as one request mix. */
    public static final String MIX = "mix";

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
        mix = mix == null ? null : List.copyOf(mix);
        if (mix != null && mix.isEmpty()) {
            throw new IllegalArgumentException("plan.mix has at least one kind when present");
        }
    }

    /** The schema-3 shape: no workload parameters, no mix. */
    public Plan(List<String> contestants, List<String> workloads, List<LoadLevel> levels, int trials, int rounds,
            long shuffleSeed, Duration warmup, Duration warmupCap, Duration trialDuration, CpuSets cpuSets) {
        this(contestants, workloads, levels, trials, rounds, shuffleSeed, warmup, warmupCap, trialDuration, cpuSets, null,
                null);
    }

    /** @return the same plan with these workload parameters and mix (null: none) */
    public Plan with(Params p, List<MixShare> m) {
        return new Plan(contestants, workloads, levels, trials, rounds, shuffleSeed, warmup, warmupCap, trialDuration,
                cpuSets, p, m);
    }

    /** @return each kind's share of the mix, 0..1, by weight; empty without a mix */
    public java.util.Map<String, Double> mixFractions() {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (mix != null) {
            double total = mix.stream().mapToInt(MixShare::weight).sum();
            mix.forEach(k -> out.merge(k.workload(), k.weight() / total, Double::sum));
        }
        return out;
    }

    /**
     * The workloads' parameters, as sent (docs/api.md).
     *
     * @param ioMillis how long GET /io waited, milliseconds, >= 0
     * @param cpuN the {@code n} of GET /cpu, >= 1
     */
    public record Params(int ioMillis, int cpuN) {
        public Params {
            if (ioMillis < 0 || cpuN < 1) {
                throw new IllegalArgumentException("plan.params needs ioMillis >= 0 and cpuN >= 1, was " + ioMillis + " and "
                        + cpuN);
            }
        }
    }

    /**
     * One kind of the plan's request mix.
     *
     * @param workload the workload the kind's requests are ({@code json}, {@code user}, {@code io}, {@code cpu}); also
     *     its kind name in a trial's {@link TrialDetail.Mix}
     * @param path its request target, templates as sent, e.g. {@code /api/users/{random:1..10000}}, {@code /io?ms=50}
     * @param weight its weight, >= 1: its share of the requests is weight / the sum of the weights
     */
    public record MixShare(String workload, String path, int weight) {
        public MixShare {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(path, "path");
            if (weight < 1) {
                throw new IllegalArgumentException("plan.mix weight must be >= 1, was " + weight + " for " + workload);
            }
        }
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
