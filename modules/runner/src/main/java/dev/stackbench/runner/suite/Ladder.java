package dev.stackbench.runner.suite;

import dev.stackbench.lab.manifest.Workload;
import java.util.List;

/**
 * An open-model rate ladder's rules (a profile's run, docs/advise.md): each contestant climbs the
 * rate levels in order; a level that cannot meet the target skips the higher ones, since they cannot
 * either: in its round, and for the rest of the run once a later round misses again (one slow trial on
 * a shared machine is not yet the limit); trials last long enough for a p99. With a {@code mix}, every trial of the ladder
 * sends it as one request mix (workload {@value dev.stackbench.results.Plan#MIX}).
 *
 * @param stopAboveP99Micros a level whose trial's p99 (success latency with censored values) is above
 *     this misses, µs
 * @param errorBudget a level whose trial's error rate is above this misses too, 0..1
 * @param valuesPerTrial an open-model trial lasts at least this many intended requests (rate x
 *     duration), so that its p99 can be printed; the suite's duration is the minimum
 * @param mix the request mix every trial sends, in order; empty: the suite's workloads, each alone
 */
public record Ladder(long stopAboveP99Micros, double errorBudget, int valuesPerTrial, List<Share> mix) {
    public Ladder {
        if (stopAboveP99Micros <= 0 || !(errorBudget >= 0 && errorBudget <= 1) || valuesPerTrial < 0) {
            throw new IllegalArgumentException("a ladder needs a p99 bound > 0, an error budget within 0..1 and values >= 0");
        }
        mix = List.copyOf(mix);
    }

    /** Rules for the suite's workloads, each alone. */
    public Ladder(long stopAboveP99Micros, double errorBudget, int valuesPerTrial) {
        this(stopAboveP99Micros, errorBudget, valuesPerTrial, List.of());
    }

    /**
     * One kind of the mix.
     *
     * @param workload a measurable workload (json, user, io, cpu); its requests as {@link WorkloadParams} sends them
     * @param weight its weight, >= 1
     */
    public record Share(Workload workload, int weight) {
        public Share {
            if (weight < 1) {
                throw new IllegalArgumentException("mix weight (" + weight + ") of " + workload.label() + " must be >= 1");
            }
        }
    }

    /** @return the mix's workloads, in order */
    public List<Workload> mixWorkloads() {
        return mix.stream().map(Share::workload).toList();
    }

    /** @return seconds a trial at {@code ratePerSecond} lasts: enough for {@code valuesPerTrial}, at least {@code minimum} */
    public double trialSeconds(double ratePerSecond, double minimum) {
        return Math.max(minimum, Math.ceil(valuesPerTrial / ratePerSecond));
    }
}
