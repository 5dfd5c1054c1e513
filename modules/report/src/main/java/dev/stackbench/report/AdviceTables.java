package dev.stackbench.report;

import dev.stackbench.analysis.Interval;
import dev.stackbench.analysis.advise.Advice;
import dev.stackbench.analysis.advise.Capacity;
import dev.stackbench.analysis.advise.ContestantAdvice;
import dev.stackbench.analysis.advise.Profile;
import dev.stackbench.config.SizeFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pieces of the advice every human format shows, formatted once in one locale: the profile
 * lines, the ranking (one column per factor), the capacity per workload, the contestants that cannot
 * meet the target or cannot be sized, the sensitivity lines, the needs with their sources, the notes.
 */
final class AdviceTables {
    private final HumanFormat f;

    AdviceTables(HumanFormat format) {
        this.f = format;
    }

    String title() {
        return "Stackbench advice: which stack for this profile";
    }

    /** @return the profile as people read it, one line each */
    List<String> profile(Advice a) {
        Profile p = a.profile();
        List<String> out = new ArrayList<>();
        List<String> mix = new ArrayList<>();
        for (Profile.Share s : p.mix()) {
            mix.add(s.workload() + " " + f.percent(s.fraction(), s.fraction() * 100 == Math.rint(s.fraction() * 100) ? 0 : 1)
                    + (s.workload().equals("io") ? " (" + f.latency(p.ioMillis() * 1000.0) + " upstream)" : ""));
        }
        out.add("Request mix: " + String.join(", ", mix) + ".");
        p.realtime().ifPresent(r -> out.add("Real time: " + f.integer(r.connections()) + " connections, "
                + f.rate(r.messagesPerSecond()) + " messages/s (not measured by these runs)."));
        out.add("Peak " + f.rate(p.peakPerSecond()) + " req/s with " + f.percent(p.headroom(), 0)
                + " headroom: sized for " + f.rate(p.peakPerSecond() * (1 + p.headroom())) + " req/s at p99 under "
                + f.latency(p.p99TargetMicros()) + ", error budget " + f.percent(p.errorBudget(), 1) + ".");
        out.add("Prices: " + money(p.prices().coreHour(), p) + " per core-hour, " + money(p.prices().gibHour(), p)
                + " per GiB-hour, " + f.integer(Profile.HOURS_PER_MONTH) + " h a month"
                + (p.prices().examples() ? " (EXAMPLES, not facts: set yours in the profile)." : " (the profile's)."));
        out.add("Team: " + (p.languages().isEmpty() ? "no languages given" : String.join(", ", p.languages())) + ".");
        a.runs().forEach(r -> out.add("Run: " + r + "."));
        return out;
    }

    /** @return the ranking: measured fit (cost) first, then one column per need, then their sum */
    Table ranking(Advice a) {
        List<Table.Column> cols = new ArrayList<>(List.of(Table.right("#"), Table.left("contestant"),
                Table.left("language"), Table.right("capacity/core"), Table.right("bounds"), Table.left("fit"),
                Table.right("cores"), Table.right("memory"), Table.right("cost/month")));
        for (Profile.Need n : a.profile().needs()) {
            cols.add(Table.right(n.id() + " (" + n.weight() + ")"));
        }
        cols.add(Table.right("weights"));
        List<List<String>> rows = new ArrayList<>();
        for (ContestantAdvice c : a.ranked()) {
            ContestantAdvice.Fit fit = c.fit().orElseThrow();
            List<String> row = new ArrayList<>(List.of((c.tiedOnCostWithAbove() ? c.rank() + "≈" : Integer.toString(c.rank())),
                    c.contestant().id(), nz(c.contestant().language()),
                    (fit.lowerBound() ? "≥ " : "") + f.rate(fit.perCore()) + " req/s",
                    bounds(fit.bounds()), fit.estimated() ? "ESTIMATE" : "measured", f.integer(fit.cores()),
                    SizeFormat.format(fit.memoryBytes(), f.locale()), money(fit.costPerMonth(), a.profile())));
            for (ContestantAdvice.NeedScore n : c.needs()) {
                row.add(n.met() ? "+" + n.weight() : "0");
            }
            row.add(Integer.toString(c.score()));
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** @return the capacity section's heading: per workload, or the mix as one request mix when any contestant's came so */
    String capacityHeading(Advice a) {
        return all(a).stream().anyMatch(ContestantAdvice::mixForm)
                ? "Capacity per core at the p99 target, the mix sent as one request mix"
                : "Capacity per core at the p99 target, per workload";
    }

    /** @return per contestant and workload of the mix (or the mix as one): what the capacity rule found */
    Table capacities(Advice a) {
        List<List<String>> rows = new ArrayList<>();
        boolean kinds = all(a).stream().anyMatch(ContestantAdvice::mixForm);
        for (ContestantAdvice c : all(a)) {
            for (ContestantAdvice.WorkloadCapacity w : c.workloads()) {
                List<String> row = new ArrayList<>(capacityRow(c.contestant().id(), w));
                if (kinds) {
                    row.add(w.capacity() instanceof Capacity.Measured m && !m.kinds().isEmpty() ? kinds(m) : "—");
                }
                rows.add(row);
            }
        }
        List<Table.Column> cols = new ArrayList<>(List.of(Table.left("contestant"), Table.left("workload"), Table.right("share"),
                Table.right("capacity/core"), Table.right("95% CI"), Table.left("where"), Table.right("p99 (CI high)"),
                Table.left("next level")));
        if (kinds) {
            cols.add(Table.left("p99 per kind there"));
        }
        return new Table(cols, rows);
    }

    /** @return {@code user 5.20 ms, io 61.3 ms, cpu n/a (n=140)}: each kind's p99 at the capacity rate, where its values support one */
    private String kinds(Capacity.Measured m) {
        List<String> out = new ArrayList<>();
        for (Capacity.KindP99 k : m.kinds()) {
            out.add(k.kind() + " " + (k.supported() ? (k.lowerBound() ? "≥ " : "") + f.latency(k.p99Micros())
                    : "n/a (n=" + f.integer(k.values()) + ")"));
        }
        return String.join(", ", out);
    }

    private static List<ContestantAdvice> all(Advice a) {
        List<ContestantAdvice> all = new ArrayList<>(a.ranked());
        all.addAll(a.cannotMeet());
        all.addAll(a.notMeasurable());
        return all;
    }

    private List<String> capacityRow(String id, ContestantAdvice.WorkloadCapacity w) {
        String share = f.percent(w.fraction(), 0);
        if (w.capacity() instanceof Capacity.Measured m) {
            return List.of(id, w.workload(), share, f.rate(m.perCore()) + " req/s", interval(m.interval()),
                    "open " + f.rate(m.offeredPerSecond()) + " req/s on " + m.serverCores() + " core"
                            + (m.serverCores() == 1 ? "" : "s"),
                    f.latency(m.p99Micros()) + " (" + f.latency(m.p99HighMicros()) + (m.noInterval() ? ", 1 trial" : "") + ")",
                    m.missedAbovePerCore().map(r -> "missed at " + f.rate(r) + " req/s").orElse("none measured above"));
        }
        if (w.capacity() instanceof Capacity.Estimated e) {
            return List.of(id, w.workload(), share, f.rate(e.perCore()) + " req/s", interval(e.interval()),
                    "ESTIMATE from closed " + f.integer(e.connections()) + " connections", f.latency(e.p99Micros()),
                    "no open-model level");
        }
        if (w.capacity() instanceof Capacity.Unmet u) {
            return List.of(id, w.workload(), share, "cannot meet", "—",
                    "best at " + f.rate(u.atPerSecond()) + " req/s of " + u.measuredLevels() + " open levels",
                    (u.lowerBound() ? "≥ " : "") + f.latency(u.bestP99Micros()) + " (" + f.latency(u.bestP99HighMicros()) + ")", "—");
        }
        return List.of(id, w.workload(), share, "not measurable", "—", "—", "—", "—");
    }

    /** @return one line per contestant that meets the target at no measured level, with its best p99 */
    List<String> cannotMeet(Advice a) {
        List<String> out = new ArrayList<>();
        for (ContestantAdvice c : a.cannotMeet()) {
            for (ContestantAdvice.WorkloadCapacity w : c.workloads()) {
                if (w.capacity() instanceof Capacity.Unmet u) {
                    out.add(c.contestant().id() + ": cannot meet p99 " + f.latency(a.profile().p99TargetMicros()) + " on "
                            + (c.mixForm() ? "the mix" : w.workload()) + " at any measured rate on this machine's cores: best p99 "
                            + (u.lowerBound() ? "≥ " : "") + f.latency(u.bestP99Micros())
                            + (u.bestP99HighMicros() > u.bestP99Micros() ? ", its 95% interval up to "
                            + f.latency(u.bestP99HighMicros()) : "") + " at "
                            + f.rate(u.atPerSecond()) + " req/s (" + u.measuredLevels() + " open-model levels measured).");
                }
            }
        }
        return out;
    }

    /** @return one line per contestant the runs cannot size, with the reason per workload */
    List<String> notMeasurable(Advice a) {
        List<String> out = new ArrayList<>();
        for (ContestantAdvice c : a.notMeasurable()) {
            for (ContestantAdvice.WorkloadCapacity w : c.workloads()) {
                if (w.capacity() instanceof Capacity.NotMeasurable n) {
                    out.add(c.contestant().id() + ": " + w.workload() + ": " + n.reason() + ".");
                }
            }
        }
        return out;
    }

    /** @return "if the peak doubles, django needs 14 cores, fastify 2" and the like */
    List<String> sensitivity(Advice a) {
        List<String> out = new ArrayList<>();
        String first = a.first().map(c -> c.contestant().id()).orElse("nobody");
        for (Advice.Scenario s : a.sensitivity()) {
            String head = switch (s.change()) {
                case PEAK_DOUBLES -> "If the peak doubles (to " + f.rate(s.profile().peakPerSecond()) + " req/s)";
                case TARGET_HALVES -> "If the p99 target halves (to " + f.latency(s.profile().p99TargetMicros()) + ")";
                case NEXT_MEASURED_STEP -> "If each capacity were as high as the next measured rate (which missed"
                        + " the target; the true capacity lies between the two)";
                case NO_WEIGHTS -> "With every weight 0 (measured cost alone)";
            };
            List<String> sized = new ArrayList<>();
            for (int i = 0; i < s.ranked().size(); i++) {
                ContestantAdvice c = s.ranked().get(i);
                int cores = c.fit().orElseThrow().cores();
                sized.add(c.contestant().id() + (i == 0 ? " needs " : " ") + cores + (i == 0 ? (cores == 1 ? " core" : " cores") : ""));
            }
            String line = head + ": " + (sized.isEmpty() ? "no contestant meets it" : String.join(", ", sized));
            if (!s.cannotMeet().isEmpty()) {
                line += "; cannot meet it: " + String.join(", ", s.cannotMeet());
            }
            String then = s.ranked().isEmpty() ? "nobody" : s.ranked().get(0).contestant().id();
            line += "; first: " + then + (then.equals(first) ? " (unchanged)" : " (instead of " + first + ")") + ".";
            out.add(line);
        }
        return out;
    }

    /** @return the needs: id, weight, the languages that meet it, and where the rule comes from */
    Table needs(Advice a) {
        List<List<String>> rows = new ArrayList<>();
        for (Profile.Need n : a.profile().needs()) {
            rows.add(List.of(n.id(), Integer.toString(n.weight()),
                    n.favours().isEmpty() ? "—" : String.join(", ", n.favours()), n.source()));
        }
        return new Table(List.of(Table.left("need"), Table.right("weight"), Table.left("met by"), Table.left("source")),
                rows);
    }

    private String money(double amount, Profile p) {
        return f.number(amount, amount < 1 ? 3 : 2) + " " + p.prices().currency();
    }

    private String bounds(Optional<Interval> i) {
        return i.map(x -> f.rate(x.low()) + "–" + f.rate(x.high())).orElse("—");
    }

    private String interval(Optional<Interval> i) {
        return i.map(x -> f.rate(x.low()) + "–" + f.rate(x.high())).orElse("— (1 trial)");
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
