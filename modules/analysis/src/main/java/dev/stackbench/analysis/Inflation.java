package dev.stackbench.analysis;

import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One contestant's json p99 inflation under the {@code blocking} workload: its json p99 with a
 * share of /cpu requests mixed in (workload {@code blocking}, the json requests' latency alone)
 * over its json p99 alone at the same open-model rate (workload {@code json} at that level),
 * paired by round: the geometric mean of the per-round ratios with a t-interval on their logs
 * ({@link Ratio.Method#PAIRED_ROUNDS}). 1 means /cpu does not touch json's tail; an event loop
 * that /cpu blocks gives far more.
 *
 * @param contestant the contestant id
 * @param level the rate both cells ran at
 * @param cpuPercent the share of /cpu requests in the mix, percent (from the trials' mix); 0 when unknown
 * @param alone the json cell at that rate
 * @param mixed the blocking cell
 * @param perRound the inflation in each round, index = round - 1, {@code NaN} where a side has no ranked trial
 * @param inflation the paired ratio mixed / alone of p99
 */
public record Inflation(String contestant, LoadLevel.Open level, int cpuPercent, Cell alone, Cell mixed, double[] perRound,
                        Ratio inflation) {
    /** The workload label of the mix. */
    public static final String BLOCKING = "blocking";

    public Inflation {
        perRound = perRound.clone();
    }

    @Override
    public double[] perRound() {
        return perRound.clone();
    }

    /** @return whether both cells' p99 are backed by enough values in every trial */
    public boolean supported() {
        return alone.p99().supported() && mixed.p99().supported();
    }

    /** @return the inflation of every contestant with both cells ranked, in the blocking tables' order */
    static List<Inflation> of(List<WorkloadTable> tables) {
        List<Inflation> out = new ArrayList<>();
        for (WorkloadTable t : tables) {
            if (!t.workload().equals(BLOCKING) || !(t.level() instanceof LoadLevel.Open level)) {
                continue;
            }
            for (RankedCell row : t.rows()) {
                Cell mixed = row.cell();
                Optional<Cell> alone = tables.stream().filter(j -> j.workload().equals("json") && j.level().equals(level))
                        .flatMap(j -> j.rows().stream()).map(RankedCell::cell)
                        .filter(c -> c.key().contestant().equals(mixed.key().contestant())).findFirst();
                if (alone.isEmpty()) {
                    continue;
                }
                int rounds = java.util.stream.Stream.concat(mixed.ranked().stream(), alone.get().ranked().stream())
                        .mapToInt(Trial::round).max().orElse(0);
                double[] m = Ranking.byRound(mixed, x -> x.latencyMicros().p99(), rounds);
                double[] a = Ranking.byRound(alone.get(), x -> x.latencyMicros().p99(), rounds);
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = m[r] / a[r];
                }
                out.add(new Inflation(mixed.key().contestant(), level, cpuPercent(mixed), alone.get(), mixed, ratio,
                        Ratio.paired(m, a)));
            }
        }
        return out;
    }

    private static int cpuPercent(Cell mixed) {
        return mixed.ranked().stream().map(Trial::detail).filter(d -> d instanceof TrialDetail.Mix).map(d -> (TrialDetail.Mix) d)
                .findFirst().map(mix -> {
                    int total = mix.kinds().stream().mapToInt(TrialDetail.Kind::weight).sum();
                    return mix.kinds().stream().filter(k -> k.name().equals("cpu")).mapToInt(k -> k.weight() * 100 / total).sum();
                }).orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inflation i && contestant.equals(i.contestant) && level.equals(i.level) && cpuPercent == i.cpuPercent
                && alone.equals(i.alone) && mixed.equals(i.mixed) && Arrays.equals(perRound, i.perRound) && inflation.equals(i.inflation);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(contestant, level, cpuPercent, alone, mixed, Arrays.hashCode(perRound), inflation);
    }
}
