package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.Run;
import java.util.List;
import java.util.Optional;

/**
 * A run, analysed: what every renderer reads.
 *
 * @param run the raw run
 * @param settings the thresholds used
 * @param tables one per workload x level that has measured cells, in plan order
 * @param curves latency distributions, one per cell, in table order
 * @param notMeasured contestants that failed verification, installation or start-up
 * @param seed the seed-table comparison, present when the suite is {@value Analyzer#SEED_SUITE}
 * @param drift how much the drift reference varied, present when the run measured it at least twice
 */
public record Analysis(Run run, AnalysisSettings settings, List<WorkloadTable> tables, List<LatencyCurve> curves,
        List<Contestant> notMeasured, Optional<SeedComparison> seed, Optional<Drift> drift) {

    public Analysis {
        tables = List.copyOf(tables);
        curves = List.copyOf(curves);
        notMeasured = List.copyOf(notMeasured);
    }

    /** @return every cell of every table, in table order */
    public List<Cell> cells() {
        return tables.stream().flatMap(t -> t.rows().stream()).map(RankedCell::cell).toList();
    }

    /** @return every cell without a rankable trial, in table order */
    public List<Unranked> unranked() {
        return tables.stream().flatMap(t -> t.unranked().stream()).toList();
    }

    /** @return the drift warning's figures when the reference varied more than the threshold */
    public Optional<Drift> driftWarning() {
        return drift.filter(Drift::exceeded);
    }

    /** @return the fan-out figures of every ranked {@code realtime} cell, in table order */
    public List<FanoutFigures> realtime() {
        return cells().stream().map(FanoutFigures::of).flatMap(java.util.Optional::stream).toList();
    }

    /** @return every contestant's json p99 inflation under the {@code blocking} workload, in table order */
    public List<Inflation> blocking() {
        return Inflation.of(tables);
    }

    /** @return every contestant's connection scaling on json and io (two connection counts or more), in trial order */
    public List<ConnectionScaling> connectionScaling() {
        return ConnectionScaling.of(run.trials(), id -> run.contestant(id).map(Contestant::idleRssBytes));
    }

    /** @return the cell, if ranked */
    public Optional<Cell> cell(CellKey key) {
        return cells().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** @return the cell's latency curve, if any */
    public Optional<LatencyCurve> curve(CellKey key) {
        return curves.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
