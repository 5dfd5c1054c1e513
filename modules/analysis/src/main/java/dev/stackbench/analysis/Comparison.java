package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.Environment;
import dev.stackbench.results.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Run B against run A, cell by cell: ratios B/A with their intervals and verdicts (see
 * {@link Judgement}). Comparisons are only
 * fair on one machine; {@code differences} lists what changed in the environment and the
 * contestants so that the reader can judge.
 *
 * @param a the baseline
 * @param b the candidate
 * @param settings thresholds used for the verdicts
 * @param cells cells present in both, in A's table order
 * @param onlyInA cells A measured and B did not
 * @param onlyInB cells B measured and A did not
 * @param differences one line per changed environment field or contestant version, e.g.
 *     {@code kernel: 6.1.0-31-amd64 -> 6.1.0-32-amd64}
 */
public record Comparison(Analysis a, Analysis b, AnalysisSettings settings, List<CellComparison> cells,
        List<CellKey> onlyInA, List<CellKey> onlyInB, List<String> differences) {

    public Comparison {
        cells = List.copyOf(cells);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        differences = List.copyOf(differences);
    }

    /** Compares two analysed runs. */
    public static Comparison of(Analysis a, Analysis b, AnalysisSettings settings) {
        List<CellComparison> cells = new ArrayList<>();
        List<CellKey> onlyInA = new ArrayList<>();
        for (Cell ca : a.cells()) {
            Optional<Cell> cb = b.cell(ca.key());
            if (cb.isPresent()) {
                cells.add(new CellComparison(ca.key(), ca, cb.get(),
                        Judgement.of(values(ca, Trial::throughputPerSecond), values(cb.get(), Trial::throughputPerSecond),
                                true, settings),
                        Judgement.of(values(ca, P99), values(cb.get(), P99), false, settings)
                                .forPercentiles(ca.p99(), cb.get().p99())));
            } else {
                onlyInA.add(ca.key());
            }
        }
        List<CellKey> onlyInB = b.cells().stream().map(Cell::key).filter(k -> a.cell(k).isEmpty()).toList();
        return new Comparison(a, b, settings, cells, onlyInA, onlyInB, differences(a, b));
    }

    private static final ToDoubleFunction<Trial> P99 = t -> t.latencyMicros().p99();

    private static double[] values(Cell cell, ToDoubleFunction<Trial> metric) {
        return cell.ranked().stream().mapToDouble(metric).toArray();
    }

    /** @return whether any cell regressed ({@code compare --fail-on-regression}) */
    public boolean regressed() {
        return cells.stream().anyMatch(CellComparison::regressed);
    }

    private static List<String> differences(Analysis a, Analysis b) {
        List<String> out = new ArrayList<>();
        Environment ea = a.run().environment();
        Environment eb = b.run().environment();
        diff(out, "", "cpuModel", ea, eb, Environment::cpuModel);
        diff(out, "", "cores", ea, eb, Environment::cores);
        diff(out, "", "os", ea, eb, Environment::os);
        diff(out, "", "kernel", ea, eb, Environment::kernel);
        diff(out, "", "javaVersion", ea, eb, Environment::javaVersion);
        diff(out, "", "nodeVersion", ea, eb, Environment::nodeVersion);
        diff(out, "", "pythonVersion", ea, eb, Environment::pythonVersion);
        diff(out, "", "generatorCpus", ea, eb, Environment::generatorCpus);
        diff(out, "", "serverCpus", ea, eb, Environment::serverCpus);
        diff(out, "", "databaseCpus", ea, eb, Environment::databaseCpus);
        diff(out, "", "hostname", ea, eb, Environment::hostname);
        for (Contestant ca : a.run().contestants()) {
            Optional<Contestant> cb = b.run().contestant(ca.id());
            if (cb.isEmpty()) {
                continue;
            }
            String p = ca.id() + " ";
            diff(out, p, "frameworkVersion", ca, cb.get(), Contestant::frameworkVersion);
            diff(out, p, "runtimeVersion", ca, cb.get(), Contestant::runtimeVersion);
            diff(out, p, "variant", ca, cb.get(), Contestant::variant);
            diff(out, p, "codeCommit", ca, cb.get(), Contestant::codeCommit);
            diff(out, p, "workers", ca, cb.get(), Contestant::workers);
        }
        return out;
    }

    private static <T> void diff(List<String> out, String prefix, String field, T a, T b, Function<T, Object> get) {
        Object va = get.apply(a);
        Object vb = get.apply(b);
        if (!Objects.equals(va, vb)) {
            out.add(prefix + field + ": " + va + " -> " + vb);
        }
    }
}
