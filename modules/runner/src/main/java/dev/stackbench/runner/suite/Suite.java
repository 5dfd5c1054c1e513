package dev.stackbench.runner.suite;

import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A named matrix of contestants x workloads x load levels x trials, with its timings.
 *
 * @param name        suite name, used in the results directory's name
 * @param contestants contestant ids; empty means every installed contestant
 * @param workloads   workloads, in order
 * @param levels      load levels, in order
 * @param openConnections connections the generator may use for open-model levels
 * @param curve       an open-model rate curve per contestant and workload, if any
 * @param trials      measured trials per cell, &gt;= 1: one per round, the rounds interleaving the contestants
 * @param warmup      unrecorded load before a contestant's first trial of a cell (JIT, pools, caches)
 * @param rewarm      unrecorded load before its later trials of the cell (it stayed up, warm, in between)
 * @param duration    each trial's measured interval
 * @param pause       idle time between trials
 * @param timeout     per-request timeout
 * @param cpus        CPU sets of generator, contestants and database
 * @param params      workload parameters
 * @param realtime    the realtime (WebSocket fan-out) cells, if any, besides the matrix
 * @param blocking    the blocking (json alone and with /cpu mixed in) cells, if any, besides the matrix
 * @param aa          the contestant measured twice, as two instances started alike (the A/A pair):
 *                    their ratio is the run's noise floor; empty for none
 * @param ladder      the open-model levels are a rate ladder with these rules (a profile's run); empty for none
 * @param connectionCells closed-model cells beside the matrix (connection scaling; cells only some
 *                    workloads or contestants need), in order; empty for none
 */
public record Suite(String name, List<String> contestants, List<Workload> workloads, List<LoadLevel> levels,
                    int openConnections, Optional<RateCurve> curve, int trials, Duration warmup, Duration rewarm, Duration duration, Duration pause,
                    Duration timeout, CpuSets cpus, WorkloadParams params, Optional<RealtimeCells> realtime, Optional<BlockingCells> blocking,
                    Optional<String> aa, Optional<Ladder> ladder, List<ConnectionCells> connectionCells) {
    public Suite {
        connectionCells = List.copyOf(connectionCells);
        java.util.Objects.requireNonNull(realtime, "realtime");
        java.util.Objects.requireNonNull(blocking, "blocking");
        java.util.Objects.requireNonNull(aa, "aa");
        java.util.Objects.requireNonNull(ladder, "ladder");
        contestants = List.copyOf(contestants);
        workloads = List.copyOf(workloads);
        levels = List.copyOf(levels);
        if (workloads.isEmpty() && realtime.isEmpty() && blocking.isEmpty() && connectionCells.isEmpty()
                && ladder.map(l -> l.mix().isEmpty()).orElse(true)) {
            throw new IllegalArgumentException("a suite needs at least one workload");
        }
        if (!workloads.isEmpty() && levels.isEmpty() && curve.isEmpty()) {
            throw new IllegalArgumentException("a suite needs at least one load level");
        }
        if (openConnections < 1) {
            throw new IllegalArgumentException("open-model connections (" + openConnections + ") must be >= 1");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials (" + trials + ") must be >= 1");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration (" + duration + ") must be > 0");
        }
    }

    /** A suite without connection cells. */
    public Suite(String name, List<String> contestants, List<Workload> workloads, List<LoadLevel> levels,
                 int openConnections, Optional<RateCurve> curve, int trials, Duration warmup, Duration rewarm, Duration duration, Duration pause,
                 Duration timeout, CpuSets cpus, WorkloadParams params, Optional<RealtimeCells> realtime, Optional<BlockingCells> blocking,
                 Optional<String> aa, Optional<Ladder> ladder) {
        this(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                realtime, blocking, aa, ladder, List.of());
    }

    /** A suite of the HTTP matrix only (no realtime, no blocking cells). */
    public Suite(String name, List<String> contestants, List<Workload> workloads, List<LoadLevel> levels,
                 int openConnections, Optional<RateCurve> curve, int trials, Duration warmup, Duration rewarm, Duration duration, Duration pause,
                 Duration timeout, CpuSets cpus, WorkloadParams params) {
        this(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** @return the same suite with these realtime and blocking cells */
    public Suite withCells(Optional<RealtimeCells> rt, Optional<BlockingCells> bl) {
        return new Suite(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                rt, bl, aa, ladder, connectionCells);
    }

    /**
     * @return the cells beside the matrix, per contestant: one per realtime subscriber count, and
     *     the blocking pair (json alone unless the matrix has json at that rate, and the mix)
     */
    public int extraCells() {
        int json = blocking.isPresent() && !(workloads.contains(Workload.JSON) && levels.contains(blocking.get().level())) ? 1 : 0;
        return realtime.map(r -> r.subscribers().size()).orElse(0) + (blocking.isPresent() ? 1 + json : 0);
    }

    /**
     * @return the same suite restricted to these contestants (empty: unchanged); the blocking cells'
     *     variants go (one named here is measured as a contestant of its own)
     */
    public Suite withContestants(List<String> ids) {
        return ids.isEmpty() ? this : new Suite(name, ids, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params, realtime,
                blocking.map(BlockingCells::withoutVariants), aa, ladder, connectionCells);
    }

    /** @return the contestants to start: the suite's, then the blocking cells' variants (empty: every installed one) */
    public List<String> contestantsToStart() {
        if (contestants.isEmpty()) {
            return contestants;
        }
        List<String> out = new java.util.ArrayList<>(contestants);
        blocking.ifPresent(b -> b.variants().stream().filter(v -> !out.contains(v)).forEach(out::add));
        return out;
    }

    /** @return whether {@code id} is measured on the blocking cells only (a variant of {@link BlockingCells#variants()}) */
    public boolean blockingOnly(String id) {
        return blocking.isPresent() && blocking.get().variants().contains(id) && !contestants.contains(id);
    }

    /** @return the same suite over every installed contestant */
    public Suite withAllContestants() {
        return new Suite(name, List.of(), workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params, realtime, blocking, aa, ladder, connectionCells);
    }

    /** @return the same suite restricted to these workloads (empty: unchanged) */
    public Suite withWorkloads(List<Workload> only) {
        if (only.isEmpty()) {
            return this;
        }
        List<ConnectionCells> kept = new java.util.ArrayList<>();
        for (ConnectionCells cc : connectionCells) {
            List<Workload> ws = cc.workloads().stream().filter(only::contains).toList();
            if (!ws.isEmpty()) {
                kept.add(new ConnectionCells(ws, cc.connections(), cc.contestants()));
            }
        }
        List<Workload> matrix = workloads.stream().filter(only::contains).toList();
        List<Workload> rest = only.stream().filter(w -> !matrix.contains(w) && kept.stream().noneMatch(cc -> cc.workloads().contains(w))).toList();
        List<Workload> all = new java.util.ArrayList<>(matrix);
        all.addAll(rest);
        return new Suite(name, contestants, all, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                realtime, blocking, aa, ladder, kept);
    }

    /** @return the same suite on other CPU sets */
    public Suite withCpus(CpuSets other) {
        return new Suite(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, other, params, realtime, blocking, aa, ladder, connectionCells);
    }

    /** @return the same suite with this A/A pair (empty: none) */
    public Suite withAa(Optional<String> id) {
        return new Suite(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                realtime, blocking, id, ladder, connectionCells);
    }

    /** @return the same suite with these ladder rules */
    public Suite withLadder(Ladder rules) {
        return new Suite(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                realtime, blocking, aa, Optional.of(rules), connectionCells);
    }

    /** @return how long a trial at this level is measured: the duration, or longer on a ladder's low rates */
    public Duration duration(LoadLevel level) {
        if (ladder.isPresent() && level instanceof LoadLevel.Open o) {
            double seconds = ladder.get().trialSeconds(o.ratePerSecond(), duration.toMillis() / 1000.0);
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
        return duration;
    }

    /** @return the workloads measured on every level: the suite's, and a ladder's request mix as one more */
    private int levelWorkloads() {
        return workloads.size() + (ladder.map(l -> l.mix().isEmpty()).orElse(true) ? 0 : 1);
    }

    /** @return measured trials per contestant of the matrix and the realtime and blocking cells, curve steps not counted */
    public int trialsPerContestant() {
        return (levelWorkloads() * levels.size() + extraCells()) * trials;
    }

    /** @return measured trials of contestant {@code id}, its connection cells counted, curve steps not */
    public int trialsOf(String id) {
        if (blockingOnly(id)) {
            return 2 * trials;
        }
        return trialsPerContestant() + connectionCellsOf(id).size() * trials;
    }

    /** A closed-model cell: a workload at a connection count. */
    public record ClosedCell(Workload workload, LoadLevel.Closed level) {
    }

    /**
     * @return the connection cells contestant {@code id} is measured on beyond the matrix, in order,
     *     each once (a cell the matrix has, or an earlier entry named, is not repeated)
     */
    public List<ClosedCell> connectionCellsOf(String id) {
        List<ClosedCell> out = new java.util.ArrayList<>();
        for (ConnectionCells cc : connectionCells) {
            if (!cc.measures(id)) {
                continue;
            }
            for (Workload w : cc.workloads()) {
                for (LoadLevel.Closed level : cc.levels()) {
                    ClosedCell cell = new ClosedCell(w, level);
                    if (!(workloads.contains(w) && levels.contains(level)) && !out.contains(cell)) {
                        out.add(cell);
                    }
                }
            }
        }
        return out;
    }

    /** @return every load level the suite measures: the matrix's, then the connection cells' not among them */
    public List<LoadLevel> allLevels() {
        List<LoadLevel> out = new java.util.ArrayList<>(levels);
        connectionCells.forEach(cc -> cc.levels().stream().filter(l -> !out.contains(l)).forEach(out::add));
        return out;
    }

    /** @return every HTTP workload the suite measures: the matrix's, then the connection cells' not among them */
    public List<Workload> allWorkloads() {
        List<Workload> out = new java.util.ArrayList<>(workloads);
        connectionCells.forEach(cc -> cc.workloads().stream().filter(w -> !out.contains(w)).forEach(out::add));
        return out;
    }

    /** @return the same suite with these connection cells */
    public Suite withConnectionCells(List<ConnectionCells> cells) {
        return new Suite(name, contestants, workloads, levels, openConnections, curve, trials, warmup, rewarm, duration, pause, timeout, cpus, params,
                realtime, blocking, aa, ladder, cells);
    }

    /** @return an estimate of one contestant's measuring time, curve steps not counted */
    public Duration estimatePerContestant() {
        Duration total = Duration.ZERO;
        for (LoadLevel level : levels) {
            Duration d = duration(level).plus(pause);
            total = total.plus(warmup.plus(d).plus(rewarm.plus(d).multipliedBy(trials - 1L)).multipliedBy(levelWorkloads()));
        }
        Duration extra = duration.plus(pause);
        return total.plus(warmup.plus(extra).plus(rewarm.plus(extra).multipliedBy(trials - 1L)).multipliedBy(extraCells()));
    }

    /** @return {@link #estimatePerContestant()} plus contestant {@code id}'s connection cells, at their minimum warm-ups */
    public Duration estimateOf(String id) {
        Duration d = duration.plus(pause);
        if (blockingOnly(id)) {
            return warmup.plus(d).plus(rewarm.plus(d).multipliedBy(trials - 1L)).multipliedBy(2);
        }
        return estimatePerContestant().plus(warmup.plus(d).plus(rewarm.plus(d).multipliedBy(trials - 1L))
                .multipliedBy(connectionCellsOf(id).size()));
    }

    /** @return the same suite with another number of trials (rounds) per cell */
    public Suite withTrials(int rounds) {
        return new Suite(name, contestants, workloads, levels, openConnections, curve, rounds, warmup, rewarm, duration, pause, timeout, cpus, params, realtime, blocking, aa, ladder, connectionCells);
    }
}
