package dev.stackbench.analysis.advise;

import dev.stackbench.analysis.Interval;
import dev.stackbench.results.Contestant;
import java.util.List;
import java.util.Optional;

/**
 * One contestant's answer: its capacity per workload of the mix, the mix's capacity, the sizing and
 * cost for the peak when it can meet the target, and its score on every need.
 *
 * @param contestant the contestant (from the first run naming it)
 * @param workloads one capacity per share of the mix, in mix order; or one of workload
 *     {@value dev.stackbench.results.Plan#MIX}, share 1, when the runs measured the mix as one request mix
 * @param fit the sizing, present when every workload of the mix has a capacity
 * @param needs one score per need of the profile, in profile order
 * @param rank 1-based place among the contestants that fit; 0 for those that do not
 * @param tiedOnCostWithAbove whether its cost is within the profile's margin of the row above's
 *     group, so that the weights ordered them
 */
public record ContestantAdvice(Contestant contestant, List<WorkloadCapacity> workloads, Optional<Fit> fit,
        List<NeedScore> needs, int rank, boolean tiedOnCostWithAbove) {

    public ContestantAdvice {
        workloads = List.copyOf(workloads);
        needs = List.copyOf(needs);
    }

    /**
     * @return whether its capacity comes from request-mix cells (one {@link WorkloadCapacity} of workload
     *     {@value dev.stackbench.results.Plan#MIX}, share 1), not from its workloads measured alone
     */
    public boolean mixForm() {
        return workloads.size() == 1 && workloads.get(0).workload().equals(dev.stackbench.results.Plan.MIX);
    }

    /** @return the sum of the weights of the needs it meets */
    public int score() {
        return needs.stream().filter(NeedScore::met).mapToInt(NeedScore::weight).sum();
    }

    /** @return the same advice at another place */
    ContestantAdvice ranked(int place, boolean tied) {
        return new ContestantAdvice(contestant, workloads, fit, needs, place, tied);
    }

    /**
     * @param workload the workload
     * @param fraction its share of the mix, 0..1
     * @param capacity what the runs say about it
     */
    public record WorkloadCapacity(String workload, double fraction, Capacity capacity) {
    }

    /**
     * @param id the need's id
     * @param weight the profile's weight, 0..10
     * @param met whether the contestant's language meets it
     */
    public record NeedScore(String id, int weight, boolean met) {
    }

    /**
     * The sizing for the profile's peak.
     *
     * @param perCore capacity of the mix per core: 1 / Σ(share / capacity), req/s per core
     * @param bounds the same rule over the per-workload intervals' ends (low from lows, high from
     *     highs); empty when a workload has no interval
     * @param estimated whether a workload's capacity is a closed-model estimate
     * @param lowerBound whether a workload met the target at the highest rate measured, so that its
     *     capacity (and the mix's) may be higher than stated
     * @param cores whole cores for peak x (1 + headroom)
     * @param memoryBytes cores x the largest peak memory per core at the capacity levels
     * @param coreCostPerMonth cores x core-hour x 730
     * @param memoryCostPerMonth GiB x GiB-hour x 730
     */
    public record Fit(double perCore, Optional<Interval> bounds, boolean estimated, boolean lowerBound, int cores,
            long memoryBytes,
            double coreCostPerMonth, double memoryCostPerMonth) {

        /** @return the monthly cost, cores and memory together */
        public double costPerMonth() {
            return coreCostPerMonth + memoryCostPerMonth;
        }
    }
}
