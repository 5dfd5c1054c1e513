package dev.stackbench.analysis.advise;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.Interval;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.Plan;
import dev.stackbench.results.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The advisor, a pure function: {@link #advise(Profile, List)} turns a profile and analysed runs
 * into an {@link Advice}.
 *
 * <ol>
 *   <li>Per contestant, {@link CapacityRule} over its request-mix cells (workload {@value Plan#MIX}) of the
 *       runs that sent the profile's mix (or, when none did, of every run that sent a mix, with a note that it
 *       differs): the mix form, the capacity read off the mix's own p99.</li>
 *   <li>Without mix cells (older results directories, other suites), the per-workload form: {@link CapacityRule}
 *       per workload of the mix, combined by the harmonic rule: a request of workload w costs
 *       1 / capacity(w) core-seconds, so 1 / Σ(share(w) / capacity(w)).</li>
 *   <li>Cores = ceil(peak x (1 + headroom) / that capacity); memory = cores x the largest peak memory
 *       per core at the capacity levels; monthly cost = 730 h x (cores x core-hour + GiB x GiB-hour).</li>
 *   <li>Ranking: measured fit first (cost, cheapest first); contestants within the profile's
 *       {@code sameCostWithin} of a cost group's first member tie on fit, and the sum of the weights
 *       of the needs each meets orders them (groups never chain).</li>
 * </ol>
 *
 * <pre>{@code
 * Advice advice = Advisor.advise(ProfileReader.read(file), List.of(analysis));
 * }</pre>
 */
public final class Advisor {
    private static final double GIB = 1024.0 * 1024 * 1024;
    /** The targets of {@link Advice#costByTarget()}, as multiples of the profile's p99 target. */
    public static final List<Double> TARGET_FACTORS = List.of(0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0);

    private Advisor() {
    }

    /**
     * @param profile the user's profile
     * @param runs one or more analysed runs; contestants are matched by id across them
     */
    public static Advice advise(Profile profile, List<Analysis> runs) {
        Advice base = answer(profile, runs);
        List<Advice.Scenario> sensitivity = new ArrayList<>();
        sensitivity.add(scenario(Advice.Change.PEAK_DOUBLES, profile.withPeak(profile.peakPerSecond() * 2), runs));
        sensitivity.add(scenario(Advice.Change.TARGET_HALVES, profile.withP99Target(profile.p99TargetMicros() / 2), runs));
        Advice optimistic = answer(profile, runs, true);
        sensitivity.add(new Advice.Scenario(Advice.Change.NEXT_MEASURED_STEP, profile, optimistic.ranked(),
                optimistic.cannotMeet().stream().map(c -> c.contestant().id()).toList()));
        if (profile.needs().stream().anyMatch(n -> n.weight() > 0)) {
            sensitivity.add(scenario(Advice.Change.NO_WEIGHTS, withoutWeights(profile), runs));
        }
        List<String> order = List.copyOf(contestants(runs).keySet());
        List<Advice.TargetPoint> curve = new ArrayList<>();
        for (double factor : TARGET_FACTORS) {
            Advice at = answer(profile.withP99Target(Math.round(profile.p99TargetMicros() * factor)), runs);
            List<Advice.ContestantCost> costs = new ArrayList<>();
            for (ContestantAdvice c : all(at, order)) {
                costs.add(new Advice.ContestantCost(c.contestant().id(), c.fit()));
            }
            curve.add(new Advice.TargetPoint(Math.round(profile.p99TargetMicros() * factor), costs));
        }
        return new Advice(profile, base.runs(), base.ranked(), base.cannotMeet(), base.notMeasurable(), sensitivity,
                notes(profile, base, runs), curve);
    }

    private static Advice.Scenario scenario(Advice.Change change, Profile changed, List<Analysis> runs) {
        Advice a = answer(changed, runs);
        List<String> cannot = new ArrayList<>();
        a.cannotMeet().forEach(c -> cannot.add(c.contestant().id()));
        return new Advice.Scenario(change, changed, a.ranked(), cannot);
    }

    private static Profile withoutWeights(Profile p) {
        List<Profile.Need> zero = p.needs().stream()
                .map(n -> new Profile.Need(n.id(), 0, n.favours(), n.source())).toList();
        return new Profile(p.mix(), p.ioMillis(), p.realtime(), p.peakPerSecond(), p.p99TargetMicros(), p.errorBudget(),
                p.headroom(), p.prices(), p.languages(), zero, p.sameCostWithin());
    }

    /** The answer without sensitivity lines or notes. */
    static Advice answer(Profile profile, List<Analysis> runs) {
        return answer(profile, runs, false);
    }

    /**
     * @param nextStep when true, every measured capacity is taken at the next measured rate above it
     *     that missed the target (the step resolution's upper bound), where there is one
     */
    static Advice answer(Profile profile, List<Analysis> runs, boolean nextStep) {
        Map<String, Contestant> contestants = contestants(runs);
        List<ContestantAdvice> fits = new ArrayList<>();
        List<ContestantAdvice> unmet = new ArrayList<>();
        List<ContestantAdvice> unknown = new ArrayList<>();
        List<Analysis> mixRuns = mixRuns(profile, runs);
        for (Contestant c : contestants.values()) {
            List<ContestantAdvice.WorkloadCapacity> capacities = new ArrayList<>();
            List<CapacityRule.Sample> mixSamples = samples(mixRuns, c.id(), Plan.MIX);
            if (!mixSamples.isEmpty()) {
                // the mix form: the profile's mix sent as one request mix, its capacity read straight off its cells
                Capacity capacity = CapacityRule.of(mixSamples, profile.p99TargetMicros(), profile.errorBudget());
                capacities.add(new ContestantAdvice.WorkloadCapacity(Plan.MIX, 1.0, nextStep ? atNextStep(capacity) : capacity));
            } else {
                // the per-workload form (older results): each workload alone, combined by the harmonic rule
                for (Profile.Share share : profile.mix()) {
                    Capacity capacity = CapacityRule.of(samples(runs, c.id(), share.workload()), profile.p99TargetMicros(),
                            profile.errorBudget());
                    capacities.add(new ContestantAdvice.WorkloadCapacity(share.workload(), share.fraction(),
                            nextStep ? atNextStep(capacity) : capacity));
                }
            }
            List<ContestantAdvice.NeedScore> needs = profile.needs().stream()
                    .map(n -> new ContestantAdvice.NeedScore(n.id(), n.weight(), n.metBy(c.language()))).toList();
            Optional<ContestantAdvice.Fit> fit = fit(profile, capacities);
            ContestantAdvice advice = new ContestantAdvice(c, capacities, fit, needs, 0, false);
            if (fit.isPresent()) {
                fits.add(advice);
            } else if (capacities.stream().anyMatch(w -> w.capacity() instanceof Capacity.Unmet)) {
                unmet.add(advice);
            } else {
                unknown.add(advice);
            }
        }
        return new Advice(profile, runs.stream().map(a -> label(a.run())).toList(), rank(fits, profile.sameCostWithin()),
                unmet, unknown, List.of(), List.of(), List.of());
    }

    /** @return the cells of this contestant and workload in these runs, each with its run's server cores */
    private static List<CapacityRule.Sample> samples(List<Analysis> runs, String id, String workload) {
        List<CapacityRule.Sample> samples = new ArrayList<>();
        for (Analysis a : runs) {
            int cores = ServerCores.count(a.run().environment().serverCpus());
            for (Cell cell : a.cells()) {
                if (cell.key().contestant().equals(id) && cell.key().workload().equals(workload)) {
                    samples.add(new CapacityRule.Sample(cell, cores));
                }
            }
        }
        return samples;
    }

    /** @return a measured capacity taken at the next measured rate above it, which missed; others unchanged */
    private static Capacity atNextStep(Capacity capacity) {
        if (capacity instanceof Capacity.Measured m && m.missedAbovePerCore().isPresent()) {
            double above = m.missedAbovePerCore().get();
            return new Capacity.Measured(above, Optional.empty(), above * m.serverCores(), m.serverCores(), m.p99Micros(),
                    m.p99HighMicros(), Optional.empty(), m.rssPeakBytes(), m.noInterval(), List.of());
        }
        return capacity;
    }

    /**
     * @return the runs whose request-mix cells answer the profile: those that sent the profile's mix (shares and io
     *     delay), or when none did, every run that sent a mix (the notes say it differs)
     */
    static List<Analysis> mixRuns(Profile profile, List<Analysis> runs) {
        List<Analysis> withMix = runs.stream().filter(a -> a.run().plan().mix() != null).toList();
        List<Analysis> matching = withMix.stream().filter(a -> mismatch(profile, a.run().plan()).isEmpty()).toList();
        return matching.isEmpty() ? withMix : matching;
    }

    /**
     * @return how a run's recorded mix or io delay differs from the profile's, e.g. {@code sent the mix io 100%, not
     *     the profile's user 70%, io 30%}; empty when it matches or the run recorded neither
     */
    static Optional<String> mismatch(Profile profile, Plan plan) {
        List<String> differs = new ArrayList<>();
        Map<String, Double> wanted = profileFractions(profile);
        if (plan.mix() != null) {
            Map<String, Double> sent = plan.mixFractions();
            boolean same = sent.keySet().equals(wanted.keySet())
                    && wanted.entrySet().stream().allMatch(e -> Math.abs(sent.get(e.getKey()) - e.getValue()) < 0.0005);
            if (!same) {
                differs.add("sent the mix " + describe(sent) + ", not the profile's " + describe(wanted));
            }
        }
        if (wanted.containsKey("io") && plan.params() != null && plan.params().ioMillis() != profile.ioMillis()
                && (plan.workloads().contains("io") || plan.mixFractions().containsKey("io"))) {
            differs.add("measured io with " + plan.params().ioMillis() + " ms, not the profile's " + profile.ioMillis() + " ms");
        }
        return differs.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differs));
    }

    /** @return {@code user 70%, io 20%, cpu 10%} */
    static String describe(Map<String, Double> fractions) {
        List<String> parts = new ArrayList<>();
        fractions.forEach((w, f) -> parts.add(w + " " + new java.math.BigDecimal(f * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%"));
        return String.join(", ", parts);
    }

    /** @return every contestant of an answer, in the order the runs name them */
    private static List<ContestantAdvice> all(Advice a, List<String> order) {
        List<ContestantAdvice> out = new ArrayList<>(a.ranked());
        out.addAll(a.cannotMeet());
        out.addAll(a.notMeasurable());
        return out.stream().sorted(Comparator.comparingInt(c -> order.indexOf(c.contestant().id()))).toList();
    }

    /** @return the measured contestants of the runs by id, first-seen order; A/A twins left out (one recommendation per contestant) */
    private static Map<String, Contestant> contestants(List<Analysis> runs) {
        Map<String, Contestant> contestants = new LinkedHashMap<>();
        for (Analysis a : runs) {
            a.run().contestants().stream().filter(Contestant::measured).filter(c -> c.aaTwinOf().isEmpty()).forEach(c -> contestants.putIfAbsent(c.id(), c));
        }
        return contestants;
    }

    /** @return the sizing when every workload has a capacity, measured or estimated */
    static Optional<ContestantAdvice.Fit> fit(Profile p, List<ContestantAdvice.WorkloadCapacity> capacities) {
        double secondsPerRequest = 0;
        double lowSeconds = 0;
        double highSeconds = 0;
        boolean bounds = true;
        boolean estimated = false;
        boolean lowerBound = false;
        double memoryPerCore = 0;
        for (ContestantAdvice.WorkloadCapacity w : capacities) {
            double perCore;
            Optional<Interval> interval;
            long rss;
            int cores;
            if (w.capacity() instanceof Capacity.Measured m) {
                perCore = m.perCore();
                interval = m.interval();
                rss = m.rssPeakBytes();
                cores = m.serverCores();
                lowerBound |= m.missedAbovePerCore().isEmpty();
            } else if (w.capacity() instanceof Capacity.Estimated e) {
                perCore = e.perCore();
                interval = e.interval();
                rss = e.rssPeakBytes();
                cores = e.serverCores();
                estimated = true;
            } else {
                return Optional.empty();
            }
            secondsPerRequest += w.fraction() / perCore;
            if (interval.isPresent() && interval.get().low() > 0) {
                lowSeconds += w.fraction() / interval.get().low();
                highSeconds += w.fraction() / interval.get().high();
            } else {
                bounds = false;
            }
            memoryPerCore = Math.max(memoryPerCore, (double) rss / cores);
        }
        double perCore = 1 / secondsPerRequest;
        int cores = (int) Math.ceil(p.peakPerSecond() * (1 + p.headroom()) / perCore - 1e-9);
        long memory = Math.round(cores * memoryPerCore);
        double coreCost = cores * p.prices().coreHour() * Profile.HOURS_PER_MONTH;
        double memoryCost = memory / GIB * p.prices().gibHour() * Profile.HOURS_PER_MONTH;
        return Optional.of(new ContestantAdvice.Fit(perCore,
                bounds ? Optional.of(new Interval(1 / lowSeconds, 1 / highSeconds)) : Optional.empty(), estimated,
                lowerBound, cores, memory, coreCost, memoryCost));
    }

    /** Cost first; a cost group ties when within {@code sameCostWithin} of its first member; weights order a group. */
    static List<ContestantAdvice> rank(List<ContestantAdvice> fits, double sameCostWithin) {
        List<ContestantAdvice> byCost = fits.stream()
                .sorted(Comparator.comparingDouble((ContestantAdvice a) -> a.fit().orElseThrow().costPerMonth())
                        .thenComparing(a -> a.contestant().id()))
                .toList();
        List<List<ContestantAdvice>> groups = new ArrayList<>();
        for (ContestantAdvice a : byCost) {
            List<ContestantAdvice> group = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            double first = group == null ? 0 : group.get(0).fit().orElseThrow().costPerMonth();
            if (group != null && a.fit().orElseThrow().costPerMonth() <= first * (1 + sameCostWithin) + 1e-9) {
                group.add(a);
            } else {
                groups.add(new ArrayList<>(List.of(a)));
            }
        }
        List<ContestantAdvice> out = new ArrayList<>();
        for (List<ContestantAdvice> group : groups) {
            List<ContestantAdvice> ordered = group.stream()
                    .sorted(Comparator.comparingInt(ContestantAdvice::score).reversed()
                            .thenComparingDouble(a -> a.fit().orElseThrow().costPerMonth())
                            .thenComparing(a -> a.contestant().id()))
                    .toList();
            for (int i = 0; i < ordered.size(); i++) {
                out.add(ordered.get(i).ranked(out.size() + 1, i > 0));
            }
        }
        return out;
    }

    private static List<String> notes(Profile p, Advice a, List<Analysis> runs) {
        List<String> notes = new ArrayList<>();
        notes.add("Capacity per core: the highest open-model rate whose p99 95% interval stays under the target,"
                + " with enough values for a p99, no censored p99, errors within the budget and the offered rate kept up;"
                + " divided by the cores of the run's server CPU set.");
        List<ContestantAdvice> all = new ArrayList<>(a.ranked());
        all.addAll(a.cannotMeet());
        all.addAll(a.notMeasurable());
        List<String> mixed = all.stream().filter(ContestantAdvice::mixForm).map(c -> c.contestant().id()).toList();
        List<String> alone = all.stream().filter(c -> !c.mixForm()).map(c -> c.contestant().id()).toList();
        String mixNote = "the mix cells: every trial sent the profile's mix as one request mix (run.json's plan.mix),"
                + " so a rate's p99 is the whole mix's; each kind's own p99 at the capacity rate is shown beside it";
        String aloneNote = "the per-workload cells (each workload measured alone: a results directory from before the mix was"
                + " sent as one, or another suite), combined by the harmonic rule: a request of a workload costs"
                + " 1 / capacity core-seconds, weighted by its share";
        if (alone.isEmpty() && !mixed.isEmpty()) {
            notes.add("Capacity from " + mixNote + ".");
        } else if (mixed.isEmpty() && !alone.isEmpty()) {
            notes.add("Capacity from " + aloneNote + ".");
        } else if (!mixed.isEmpty()) {
            notes.add("Capacity from " + mixNote + ", for " + String.join(", ", mixed) + "; from " + aloneNote + ", for "
                    + String.join(", ", alone) + ".");
        }
        boolean io = p.mix().stream().anyMatch(s -> s.workload().equals("io") && s.fraction() > 0);
        for (Analysis r : runs) {
            Plan plan = r.run().plan();
            Optional<String> differs = mismatch(p, plan);
            if (differs.isPresent()) {
                notes.add("The " + r.run().suite() + " run of " + r.run().started() + " " + differs.get() + ": its figures answer that run's requests, not this"
                        + " profile's" + (plan.mix() != null && !mixRuns(p, runs).contains(r) ? " (its mix cells are not used:"
                        + " another run sent the profile's mix)" : "") + ".");
            } else if (io && plan.params() == null) {
                notes.add("The " + r.run().suite() + " run of " + r.run().started() + " does not record the io delay (run.json before schema 4): this advice"
                        + " assumes it measured io with " + p.ioMillis() + " ms, as the profile says.");
            }
        }
        boolean estimates = a.ranked().stream().anyMatch(c -> c.fit().orElseThrow().estimated());
        if (a.ranked().stream().anyMatch(c -> c.fit().orElseThrow().lowerBound())) {
            notes.add("≥: the mix (or a workload of it) met the target at the highest rate measured, so its capacity may be higher and its"
                    + " cores fewer than stated; measure higher rates to find where it stops.");
        }
        if (estimates) {
            notes.add("ESTIMATE: some workloads were measured only in the closed model; their capacity is the req/s of"
                    + " the busiest closed level whose p99 stayed under the target, which hides the queueing an arrival"
                    + " rate causes. Run the full suite or an open-model suite to measure it.");
        }
        for (Profile.Need n : p.needs()) {
            if (n.weight() > 0 && n.favours().isEmpty()) {
                notes.add("The need " + n.id() + " has weight " + n.weight() + " but names no languages (for"
                        + " team-languages: the profile's team is empty), so no contestant meets it.");
            }
        }
        p.realtime().ifPresent(r -> notes.add("Real time: not measured by these runs (no realtime workload);"
                + " the profile's real-time need, if weighted, stands for it."));
        if (p.prices().examples()) {
            notes.add("Prices are examples, not facts about any provider: set prices.coreHour and prices.gibHour in"
                    + " the profile.");
        }
        return notes;
    }

    private static Map<String, Double> profileFractions(Profile p) {
        Map<String, Double> out = new LinkedHashMap<>();
        p.mix().stream().filter(s -> s.fraction() > 0).forEach(s -> out.merge(s.workload(), s.fraction(), Double::sum));
        return out;
    }

    private static String label(Run run) {
        String status = run.status() == dev.stackbench.results.RunStatus.COMPLETE ? ""
                : " (" + run.status().name().toLowerCase(java.util.Locale.ROOT) + ": only what was measured)";
        return run.suite() + ", " + run.started() + ", server CPUs " + run.environment().serverCpus() + status;
    }
}
