package dev.stackbench.analysis.claims;

import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Analyzer;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.Environment;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Plan;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-made runs with known figures for the verdict tests: contestants by language and framework,
 * closed-model trials whose req/s per round the test chooses (a per-round machine speed times the
 * contestant's own rate), so the paired ratio and its interval are known.
 */
final class ClaimRuns {
    static final LoadLevel C100 = new LoadLevel.Closed(100);
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    /** The machine's speed per round: drift that pairing by round cancels. */
    static final double[] SPEED = {1.00, 0.90, 1.06, 0.95, 1.03};

    private final List<Contestant> contestants = new ArrayList<>();
    private final List<Trial> trials = new ArrayList<>();
    private final List<String> workloads = new ArrayList<>();

    static Contestant contestant(String id, String language, String framework) {
        return new Contestant(id, id, language, framework, "1.0", language.equals("python") ? "CPython" : "Node.js",
                language.equals("python") ? "3.11.2" : "v20.18.1", "realistic", "abc", 1,
                new ContestantStatus.Measured(), 0, language.equals("python") ? 1200L : 400L,
                language.equals("python") ? 48_000_000L : 60_000_000L);
    }

    ClaimRuns with(Contestant c) {
        contestants.add(c);
        return this;
    }

    /**
     * Adds one trial per round of {@code workload} at 100 connections: req/s = rate x SPEED[round] x
     * (1 + wobble[round]).
     */
    ClaimRuns cell(String contestant, String workload, double rate, double... wobble) {
        return cell(contestant, workload, Errors.NONE, rate, wobble);
    }

    /** As {@link #cell}, every trial with these errors (e.g. timeouts above the error-rate threshold). */
    ClaimRuns cell(String contestant, String workload, Errors errors, double rate, double... wobble) {
        if (!workloads.contains(workload)) {
            workloads.add(workload);
        }
        for (int r = 0; r < SPEED.length; r++) {
            double rps = rate * SPEED[r] * (1 + (wobble.length > r ? wobble[r] : 0));
            long count = Math.round(rps * 10);
            trials.add(new Trial(contestant, workload, C100, r + 1, r + 1, T0.plusSeconds(60L * r), 10.0, 2.0, count,
                    rps, 0, new Percentiles(2000, 3000, 4000, 9000, 15000, 20000, 30000, 2500, 1000, count, 0), null, null,
                    errors, new ServerUsage(0.95, null, 50_000_000, 60_000_000, ServerUsage.CGROUP),
                    new GeneratorHealth(0.3, null, rps, 0, 0, 200L, null, 0.0, false, false, null), List.of(), null));
        }
        return this;
    }

    Run run() {
        Plan plan = new Plan(contestants.stream().map(Contestant::id).toList(), workloads, List.of(C100), SPEED.length,
                SPEED.length, 7L, Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10),
                new CpuSets("0", "1", "1"));
        Environment env = new Environment("AMD EPYC 7B13", 2, "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-amd64",
                "17.0.15", "v20.18.1", "3.11.2", "0", "1", "1", "bench-1");
        return new Run(2, "claims", T0, T0.plusSeconds(900), RunStatus.COMPLETE, plan, env, contestants, trials, List.of());
    }

    /** @return the analysis of round 1's trials only: one trial per cell */
    Analysis analyseFirstRoundOnly() {
        trials.removeIf(t -> t.round() > 1);
        return analyse();
    }

    Analysis analyse() {
        return Analyzer.analyze(run(), t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }
}
