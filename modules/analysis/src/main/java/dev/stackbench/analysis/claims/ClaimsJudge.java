package dev.stackbench.analysis.claims;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.ConnectionScaling;
import dev.stackbench.analysis.Interval;
import dev.stackbench.analysis.Inflation;
import dev.stackbench.analysis.RankedCell;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Spread;
import dev.stackbench.analysis.Unranked;
import dev.stackbench.analysis.WorkloadTable;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.Environment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges every claim of a catalog on an analysed run. A pure function of its arguments.
 *
 * <pre>{@code
 * ClaimsReport report = ClaimsJudge.judge(CatalogReader.read(Path.of("claims/claims.yaml")), analysis);
 * }</pre>
 *
 * <p>Rules (docs/claims.md): a measurable claim is judged pair by pair (every contestant of group a
 * against every contestant of group b, on every matching table). A pair holds or fails only when the
 * {@value Spread#CONFIDENCE_PERCENT}% interval of a's advantage lies entirely beyond the rule's
 * threshold; the claim holds when every pair holds, fails when every pair fails, depends when some
 * hold and some fail, and is inconclusive otherwise.
 */
public final class ClaimsJudge {
    /** How inconclusive verdicts name the suite that measures the missing cells. */
    public static final String SUITE_HINT = "stackbench run --suite claims";

    private ClaimsJudge() {
    }

    /** @return every claim's verdict, in catalog order, with the run's caveats */
    public static ClaimsReport judge(ClaimsCatalog catalog, Analysis analysis) {
        List<ClaimVerdict> first = new ArrayList<>();
        for (Claim c : catalog.claims()) {
            first.add(judge(c, catalog, analysis));
        }
        Map<String, ClaimVerdict> byId = ClaimsReport.byId(first);
        List<ClaimVerdict> verdicts = new ArrayList<>();
        for (ClaimVerdict v : first) {
            verdicts.add(new ClaimVerdict(v.claim(), v.outcome(), v.reason(), v.evidence(), v.caveats(),
                    sides(v, catalog, byId)));
        }
        return new ClaimsReport(analysis, catalog, verdicts, runCaveats(analysis));
    }

    static ClaimVerdict judge(Claim claim, ClaimsCatalog catalog, Analysis analysis) {
        if (claim instanceof Claim.NotPerformance n) {
            return new ClaimVerdict(n, Outcome.NOT_A_PERFORMANCE_CLAIM, n.reason(), List.of(), List.of(), List.of());
        }
        if (claim instanceof Claim.Unmeasurable u) {
            return new ClaimVerdict(u, Outcome.NOT_MEASURABLE, u.cpus() > 0
                    ? u.settle() + "; this machine has " + analysis.run().environment().cores() + " CPUs"
                    : u.settle(), List.of(), List.of(), List.of());
        }
        Claim.Measurable m = (Claim.Measurable) claim;
        return new PairJudge(m, catalog.groups().get(m.a()), catalog.groups().get(m.b()), analysis).verdict();
    }

    /** @return which side of each contradiction the measurements take, links read both ways */
    private static List<String> sides(ClaimVerdict v, ClaimsCatalog catalog, Map<String, ClaimVerdict> byId) {
        Set<String> linked = new LinkedHashSet<>(v.claim().contradicts());
        catalog.claims().stream().filter(c -> c.contradicts().contains(v.claim().id())).forEach(c -> linked.add(c.id()));
        List<String> out = new ArrayList<>();
        for (String other : linked) {
            Outcome mine = v.outcome();
            Outcome theirs = byId.get(other).outcome();
            String side;
            if (mine == Outcome.HOLDS && theirs == Outcome.FAILS) {
                side = "the measurements take this claim's side";
            } else if (mine == Outcome.FAILS && theirs == Outcome.HOLDS) {
                side = "the measurements take " + other + "'s side";
            } else if (mine == Outcome.HOLDS && theirs == Outcome.HOLDS) {
                side = "both hold on this run (they rest on different cells)";
            } else {
                side = "neither side on this run (this: " + mine.words() + "; " + other + ": " + theirs.words() + ")";
            }
            out.add("contradicts " + other + ": " + side);
        }
        return out;
    }

    private static List<String> runCaveats(Analysis a) {
        Environment e = a.run().environment();
        List<String> out = new ArrayList<>();
        out.add("machine: " + e.cpuModel() + ", " + e.cores() + " cores, " + e.os() + ", kernel " + e.kernel());
        out.add("CPU sets: server " + e.serverCpus() + ", generator " + e.generatorCpus()
                + (e.databaseCpus() == null ? "" : ", database " + e.databaseCpus())
                + "; every contestant had the same server CPUs, so claims about several cores are not tested");
        List<String> runtimes = new ArrayList<>();
        if (e.nodeVersion() != null) {
            runtimes.add("Node.js " + e.nodeVersion());
        }
        if (e.pythonVersion() != null) {
            runtimes.add("Python " + e.pythonVersion());
        }
        if (e.javaVersion() != null) {
            runtimes.add("Java " + e.javaVersion() + " (generator)");
        }
        out.add("runtimes: " + String.join(", ", runtimes));
        out.add("trials: " + a.run().plan().trials() + " per cell in " + a.run().plan().rounds()
                + " rounds of " + a.run().plan().trialDuration().toMillis() / 1000.0 + " s, suite " + a.run().suite());
        a.driftWarning().ifPresent(d -> out.add(String.format(Locale.ROOT,
                "the machine's speed drifted: the drift reference varied by %.1f%% (coefficient of variation);"
                        + " ratios paired by round stay fair", d.throughput().cv() * 100)));
        return out;
    }

    /** The pairs of one measurable claim. */
    private static final class PairJudge {
        private final Claim.Measurable claim;
        private final Group a;
        private final Group b;
        private final Analysis analysis;

        PairJudge(Claim.Measurable claim, Group a, Group b, Analysis analysis) {
            this.claim = claim;
            this.a = a;
            this.b = b;
            this.analysis = analysis;
        }

        ClaimVerdict verdict() {
            if (claim.quantity().perContestant().isPresent()) {
                return perContestant();
            }
            String cells = claim.workload() + (claim.level() == null ? "" : " " + claim.level());
            if (claim.workload().equals("connections")) {
                return connections();
            }
            if (claim.quantity() == Quantity.P99_INFLATION && CatalogReader.TODAY.contains(claim.workload())) {
                return inflation();
            }
            if (!CatalogReader.TODAY.contains(claim.workload()) || claim.quantity().perTrial().isEmpty()) {
                return inconclusive("the run has no " + claim.workload() + " cells (" + SUITE_HINT + ")", List.of());
            }
            List<WorkloadTable> tables = analysis.tables().stream()
                    .filter(t -> t.workload().equals(claim.workload()))
                    .filter(t -> claim.level() == null ? anyLevel(t) : t.level().label().equals(claim.level())).toList();
            if (tables.isEmpty()) {
                return inconclusive("the run has no " + cells + " cells (" + SUITE_HINT + ")", List.of());
            }
            List<Evidence> evidence = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (WorkloadTable t : tables) {
                List<Cell> as = side(t, a);
                List<Cell> bs = side(t, b);
                for (Unranked u : t.unranked()) {
                    if (a.matches(u.contestant()) || b.matches(u.contestant())) {
                        missing.add(u.key() + " has no ranked trial (" + u.excluded().get(0).reason() + ")");
                    }
                }
                for (Cell x : as) {
                    for (Cell y : bs) {
                        if (!x.key().contestant().equals(y.key().contestant())) {
                            evidence.add(pair(x, y));
                        }
                    }
                }
            }
            if (evidence.isEmpty()) {
                String why = "the run has no ranked " + a.name() + " and " + b.name() + " cells on " + cells;
                return inconclusive(missing.isEmpty() ? why : why + "; " + missing.get(0), List.of());
            }
            ClaimVerdict v = aggregate(evidence);
            if (!missing.isEmpty() && (v.outcome() == Outcome.HOLDS || v.outcome() == Outcome.FAILS)) {
                // a group member that could not be ranked might have gone the other way: no verdict for the group
                return inconclusive(v.outcome().words() + " for the " + pairs(evidence.size()) + " that could be ranked, but "
                        + String.join("; ", missing) + "; a level every member can serve would settle it", evidence);
            }
            if (!missing.isEmpty()) {
                return verdict(v.outcome(), v.reason() + "; not ranked: " + String.join("; ", missing), evidence);
            }
            return v;
        }

        /**
         * A claim that names no level reads every closed-model level; open-model levels only for
         * latency, since there every contestant was offered the same req/s.
         */
        private boolean anyLevel(WorkloadTable t) {
            return t.level() instanceof dev.stackbench.results.LoadLevel.Closed || latency()
                    || t.level() instanceof dev.stackbench.results.LoadLevel.Fanout;
        }

        private boolean latency() {
            return claim.quantity() == Quantity.P99 || claim.quantity() == Quantity.DELIVERY_P99;
        }

        /**
         * The blocking claims: every a-contestant's json p99 inflation against every b-contestant's,
         * paired by round (a's advantage = b's inflation over a's, lower inflation being better).
         */
        private ClaimVerdict inflation() {
            List<Inflation> all = analysis.blocking();
            List<Inflation> as = all.stream().filter(i -> a.matches(i.mixed().contestant())).toList();
            List<Inflation> bs = all.stream().filter(i -> b.matches(i.mixed().contestant())).toList();
            if (as.isEmpty() || bs.isEmpty()) {
                return inconclusive("the run has no ranked " + a.name() + " and " + b.name() + " blocking cells (json alone and"
                        + " with /cpu mixed in, " + SUITE_HINT + ")", List.of());
            }
            List<Evidence> evidence = new ArrayList<>();
            for (Inflation x : as) {
                for (Inflation y : bs) {
                    if (x.contestant().equals(y.contestant()) || !x.level().equals(y.level())
                            || present(x.perRound()).isEmpty() || present(y.perRound()).isEmpty()) {
                        continue;
                    }
                    Spread xs = Spread.of(present(x.perRound()));
                    Spread ys = Spread.of(present(y.perRound()));
                    Ratio advantage = Ratio.paired(y.perRound(), x.perRound());
                    String level = x.level().label();
                    Outcome o;
                    Optional<String> why;
                    if (!x.supported() || !y.supported()) {
                        o = Outcome.INCONCLUSIVE;
                        why = Optional.of("json p99 backed by too few values (a trial needs 1,000); a higher rate or longer trials would settle it");
                    } else if (advantage.interval().isEmpty()) {
                        o = Outcome.INCONCLUSIVE;
                        why = Optional.of("no interval: fewer than 2 rounds with both cells ranked; more trials would settle it");
                    } else {
                        o = claim.rule().judge(advantage.interval().get());
                        why = o == Outcome.INCONCLUSIVE ? Optional.of("the interval reaches across " + claim.rule().describe()) : Optional.empty();
                    }
                    evidence.add(new Evidence(x.contestant(), y.contestant(), claim.workload(), level, claim.quantity(), xs, ys,
                            advantage, o, why));
                }
            }
            if (evidence.isEmpty()) {
                return inconclusive("the run has no " + a.name() + " and " + b.name() + " blocking cells at one rate", List.of());
            }
            return aggregate(evidence);
        }

        /**
         * The connection claims, on every contestant's {@link ConnectionScaling} (json and io, same
         * workload and the same top connection count on both sides), paired by round:
         * memory per connection between the fewest and the most connections (b's over a's); p99 at
         * the most connections (b's over a's), a censored p99 (at the timeout) being a lower bound; or
         * successful req/s at the most connections (a's over b's), a round without a success counted at
         * one response, so that side's rate is an upper bound.
         */
        private ClaimVerdict connections() {
            List<ConnectionScaling> all = analysis.connectionScaling();
            List<ConnectionScaling> as = all.stream().filter(s -> contestant(s).filter(a::matches).isPresent()).toList();
            List<ConnectionScaling> bs = all.stream().filter(s -> contestant(s).filter(b::matches).isPresent()).toList();
            if (as.isEmpty() || bs.isEmpty()) {
                return inconclusive("the run has no " + a.name() + " and " + b.name() + " connection-scaling cells (json and io at two"
                        + " connection counts or more: " + SUITE_HINT + ", or --suite scaling for 10 to 10,000)", List.of());
            }
            List<Evidence> evidence = new ArrayList<>();
            for (ConnectionScaling x : as) {
                for (ConnectionScaling y : bs) {
                    if (x.contestant().equals(y.contestant()) || !x.workload().equals(y.workload())
                            || x.top().connections() != y.top().connections() || x.bottom().connections() != y.bottom().connections()) {
                        continue;
                    }
                    evidence.add(scalingPair(x, y));
                }
            }
            if (evidence.isEmpty()) {
                return inconclusive("the run has no " + a.name() + " and " + b.name() + " connection scaling over the same counts", List.of());
            }
            return aggregate(evidence);
        }

        private Optional<Contestant> contestant(ConnectionScaling s) {
            return analysis.run().contestant(s.contestant());
        }

        private Evidence scalingPair(ConnectionScaling x, ConnectionScaling y) {
            int rounds = Math.max(x.rounds(), y.rounds());
            String level = "c" + x.top().connections();
            double[] xs = byRound(x, rounds);
            double[] ys = byRound(y, rounds);
            boolean xBound = atBound(x);
            boolean yBound = atBound(y);
            Spread xv = spread(xs);
            Spread yv = spread(ys);
            boolean higher = claim.quantity().higherIsBetter();
            Ratio advantage = higher ? Ratio.paired(xs, ys) : Ratio.paired(ys, xs);
            String workload = x.workload();
            if (claim.quantity() == Quantity.MEMORY_PER_CONNECTION) {
                if (!(xv.median() > 0) || !(yv.median() > 0)) {
                    String who = !(xv.median() > 0) ? x.contestant() : y.contestant();
                    return new Evidence(x.contestant(), y.contestant(), workload, level, claim.quantity(), xv, yv,
                            new Ratio(Double.NaN, Optional.empty(), 0, Ratio.Method.PAIRED_ROUNDS), Outcome.INCONCLUSIVE,
                            Optional.of(who + "'s memory at " + x.top().connections() + " connections was not above its idle memory:"
                                    + " it does not hold them in the process (a sync worker serves one at a time; the rest wait in"
                                    + " the kernel), or holds less than the monitor resolves"));
                }
                // a round whose figure is 0 or below on either side (the monitor's noise) has no log ratio: it is left out
                xs = positive(xs);
                ys = positive(ys);
                advantage = Ratio.paired(ys, xs);
            }
            if (advantage.interval().isEmpty()) {
                return new Evidence(x.contestant(), y.contestant(), workload, level, claim.quantity(), xv, yv, advantage,
                        Outcome.INCONCLUSIVE, Optional.of("no interval: fewer than 2 rounds with both sides measured; more trials would settle it"));
            }
            // b's figure at its bound (a censored p99 is at least its value; a floored rate at most its value) understates
            // a's advantage, which is then a lower bound; a's own figure at its bound makes it an upper bound
            boolean aBetterBound = yBound;
            boolean aWorseBound = xBound;
            Interval iv = advantage.interval().get();
            Outcome o;
            Optional<String> why = Optional.empty();
            if (aBetterBound && aWorseBound) {
                o = Outcome.INCONCLUSIVE;
                why = Optional.of("both sides at their bound (" + bound() + ") at " + x.top().connections() + " connections;"
                        + " a longer timeout would settle it");
            } else if (aBetterBound) {
                o = claim.rule().judge(new Interval(iv.low(), Double.POSITIVE_INFINITY));
                why = o == Outcome.INCONCLUSIVE ? Optional.of(y.contestant() + " at its bound (" + bound() + "): the advantage is at least "
                        + "its interval, which reaches across " + claim.rule().describe()) : Optional.empty();
            } else if (aWorseBound) {
                o = claim.rule().judge(new Interval(Double.MIN_VALUE, iv.high()));
                why = o == Outcome.INCONCLUSIVE ? Optional.of(x.contestant() + " at its bound (" + bound() + "): the advantage is at most "
                        + "its interval, which reaches across " + claim.rule().describe()) : Optional.empty();
            } else {
                o = claim.rule().judge(iv);
                why = o == Outcome.INCONCLUSIVE ? Optional.of("the interval reaches across " + claim.rule().describe()) : Optional.empty();
            }
            return new Evidence(x.contestant(), y.contestant(), workload, level, claim.quantity(), xv, yv, advantage, o, why);
        }

        /** @return the claim's quantity at the most connections, per round (NaN where a round has none) */
        private double[] byRound(ConnectionScaling s, int rounds) {
            return switch (claim.quantity()) {
                case MEMORY_PER_CONNECTION -> s.memoryPerConnectionByRound();
                // a round without a successful response is floored at one response in the trial: a bound, see atBound
                case THROUGHPUT -> s.top().byRound(t -> Math.max(t.throughputPerSecond(), 1 / t.durationSeconds()), rounds);
                default -> s.top().byRound(t -> Math.max(1, t.latencyMicros().p99()), rounds);
            };
        }

        /** @return whether the side's figure is a bound, not a value: a censored p99 (at least), a floored rate (at most) */
        private boolean atBound(ConnectionScaling s) {
            return switch (claim.quantity()) {
                case MEMORY_PER_CONNECTION -> false;
                case THROUGHPUT -> s.top().trials().stream().anyMatch(t -> t.throughputPerSecond() == 0);
                default -> s.top().p99Censored();
            };
        }

        private String bound() {
            return claim.quantity() == Quantity.THROUGHPUT ? "no successful response in a round" : "p99 at the timeout";
        }

        private static double[] positive(double[] values) {
            return java.util.Arrays.stream(values).map(v -> v > 0 ? v : Double.NaN).toArray();
        }

        private static Spread spread(double[] values) {
            List<Double> p = present(values);
            return p.isEmpty() ? Spread.of(List.of(0.0)) : Spread.of(p);
        }

        private static List<Double> present(double[] values) {
            return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).boxed().toList();
        }

        private List<Cell> side(WorkloadTable t, Group g) {
            return t.rows().stream().map(RankedCell::cell).filter(c -> g.matches(c.contestant())).toList();
        }

        private Evidence pair(Cell x, Cell y) {
            var metric = claim.quantity().perTrial().orElseThrow();
            Spread xs = Spread.of(x.ranked().stream().map(metric::applyAsDouble).toList());
            Spread ys = Spread.of(y.ranked().stream().map(metric::applyAsDouble).toList());
            var advantage = claim.quantity().higherIsBetter() ? Ratio.between(x, y, metric)
                    : Ratio.between(y, x, metric);
            String level = x.key().level().label();
            if (latency() && (!x.p99().supported() || !y.p99().supported())) {
                return new Evidence(x.key().contestant(), y.key().contestant(), claim.workload(), level, claim.quantity(),
                        xs, ys, advantage, Outcome.INCONCLUSIVE, Optional.of("p99 backed by too few values"
                                + " (a trial needs 1,000); longer trials would settle it"));
            }
            if (advantage.interval().isEmpty()) {
                return new Evidence(x.key().contestant(), y.key().contestant(), claim.workload(), level, claim.quantity(),
                        xs, ys, advantage, Outcome.INCONCLUSIVE, Optional.of("no interval: fewer than 2"
                                + " ranked trials on a side; more trials would settle it"));
            }
            Outcome o = claim.rule().judge(advantage.interval().get());
            return new Evidence(x.key().contestant(), y.key().contestant(), claim.workload(), level, claim.quantity(),
                    xs, ys, advantage, o, o == Outcome.INCONCLUSIVE
                            ? Optional.of("the interval reaches across " + claim.rule().describe())
                            : Optional.empty());
        }

        private ClaimVerdict perContestant() {
            var figure = claim.quantity().perContestant().orElseThrow();
            List<Contestant> as = analysis.run().contestants().stream().filter(Contestant::measured).filter(a::matches)
                    .filter(c -> figure.apply(c) != null).toList();
            List<Contestant> bs = analysis.run().contestants().stream().filter(Contestant::measured).filter(b::matches)
                    .filter(c -> figure.apply(c) != null).toList();
            List<Evidence> evidence = new ArrayList<>();
            for (Contestant x : as) {
                for (Contestant y : bs) {
                    if (!x.id().equals(y.id())) {
                        double vx = figure.apply(x);
                        double vy = figure.apply(y);
                        evidence.add(new Evidence(x.id(), y.id(), "none", "", claim.quantity(), Spread.of(List.of(vx)),
                                Spread.of(List.of(vy)), new Ratio(vy / vx,
                                Optional.empty(), 1, Ratio.Method.UNPAIRED),
                                Outcome.INCONCLUSIVE, Optional.of("measured once per contestant")));
                    }
                }
            }
            if (evidence.isEmpty()) {
                return inconclusive("the run has no " + a.name() + " and " + b.name() + " contestants with "
                        + claim.quantity().label() + " measured", List.of());
            }
            return inconclusive(claim.quantity().label() + " is measured once per contestant, so it has no interval;"
                    + " repeated start-ups (one per round) would settle it", evidence);
        }

        private ClaimVerdict aggregate(List<Evidence> evidence) {
            long holds = evidence.stream().filter(e -> e.outcome() == Outcome.HOLDS).count();
            long fails = evidence.stream().filter(e -> e.outcome() == Outcome.FAILS).count();
            int n = evidence.size();
            String of = "every " + Spread.CONFIDENCE_PERCENT + "% interval of the " + claim.quantity().label() + " advantage lies ";
            if (holds == n) {
                return verdict(Outcome.HOLDS, of + claim.rule().holdsWhere() + " (" + pairs(n) + ")", evidence);
            }
            if (fails == n) {
                return verdict(Outcome.FAILS, of + claim.rule().failsWhere() + " (" + pairs(n) + ")", evidence);
            }
            if (holds > 0 && fails > 0) {
                return verdict(Outcome.DEPENDS, "holds for " + list(evidence, Outcome.HOLDS) + "; fails for "
                        + list(evidence, Outcome.FAILS) + (holds + fails < n ? "; " + (n - holds - fails)
                        + " inconclusive" : "") + " (" + claim.rule().describe() + " on " + claim.quantity().label() + ")",
                        evidence);
            }
            Evidence open = evidence.stream().filter(e -> e.outcome() == Outcome.INCONCLUSIVE).findFirst().orElseThrow();
            return verdict(Outcome.INCONCLUSIVE, (n - holds - fails) + " of " + pairs(n) + " inconclusive ("
                    + open.cells() + ": " + open.why().orElse("") + ")"
                    + (holds > 0 ? "; the others hold" : fails > 0 ? "; the others fail" : ""), evidence);
        }

        private static String pairs(long n) {
            return n == 1 ? "1 pair" : n + " pairs";
        }

        private static String list(List<Evidence> evidence, Outcome o) {
            return String.join(", ", evidence.stream().filter(e -> e.outcome() == o).map(Evidence::cells).toList());
        }

        private ClaimVerdict inconclusive(String reason, List<Evidence> evidence) {
            return verdict(Outcome.INCONCLUSIVE, reason, evidence);
        }

        private ClaimVerdict verdict(Outcome o, String reason, List<Evidence> evidence) {
            return new ClaimVerdict(claim, o, reason, evidence, caveats(evidence), List.of());
        }

        /** @return the versions, workers and variants of the contestants the evidence names */
        private List<String> caveats(List<Evidence> evidence) {
            Set<String> ids = new LinkedHashSet<>();
            evidence.forEach(e -> {
                ids.add(e.a());
                ids.add(e.b());
            });
            List<String> out = new ArrayList<>();
            for (String id : ids) {
                analysis.run().contestant(id).ifPresent(c -> out.add(id + ": " + c.framework() + " "
                        + c.frameworkVersion() + " on " + c.runtime() + " " + c.runtimeVersion() + ", " + c.workers()
                        + (c.workers() == 1 ? " worker" : " workers") + ("realistic".equals(c.variant()) ? ""
                        : ", variant " + c.variant() + " (tuned beyond its docs)")));
            }
            return out;
        }
    }
}
