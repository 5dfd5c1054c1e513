package dev.stackbench.analysis;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.Environment;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Plan;
import dev.stackbench.results.ReferenceMeasurement;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hand-made runs with known figures for the statistics tests. */
final class SyntheticRuns {
    static final LoadLevel C100 = new LoadLevel.Closed(100);
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private SyntheticRuns() {
    }

    /** A closed-model json trial with the given throughput, 10 s long, no errors. */
    static Trial trial(String contestant, int round, double throughput) {
        return trial(contestant, round, throughput, Errors.NONE, List.of(), latency(2000, Math.round(throughput * 10), 0));
    }

    static Trial trial(String contestant, int round, double throughput, Errors errors, List<String> invalid,
            Percentiles latency) {
        return trial(contestant, round, throughput, errors, invalid, latency,
                new GeneratorHealth(0.3, null, throughput, 0, 0, 200L, null, 0.0, false, false, null));
    }

    /** A closed-model json trial, 10 s long, no errors, with the generator's view of itself. */
    static Trial trial(String contestant, int round, double throughput, GeneratorHealth generator) {
        return trial(contestant, round, throughput, Errors.NONE, List.of(), latency(2000, Math.round(throughput * 10), 0), generator);
    }

    static Trial trial(String contestant, int round, double throughput, Errors errors, List<String> invalid,
            Percentiles latency, GeneratorHealth generator) {
        return new Trial(contestant, "json", C100, round, round, T0.plusSeconds(20L * round), 10.0, 5.0,
                Math.round(throughput * 10), throughput, 0, latency, null, null, errors,
                new ServerUsage(0.9, null, 50_000_000, 60_000_000, ServerUsage.CGROUP), generator, invalid, null);
    }

    /** Percentiles scaled from {@code p50Micros}, with a count and censored values. */
    static Percentiles latency(long p50Micros, long count, long censored) {
        return new Percentiles(p50Micros, p50Micros * 2, p50Micros * 3, p50Micros * 5, p50Micros * 8, p50Micros * 12,
                p50Micros * 20, p50Micros * 1.2, p50Micros * 0.5, count, censored);
    }

    static Contestant contestant(String id) {
        return new Contestant(id, id, "javascript", id, "1", "Node.js", "v20", "realistic", "abc", 1,
                new ContestantStatus.Measured(), 0, 100L, 1_000L);
    }

    static Run run(List<String> contestants, List<Trial> trials, List<ReferenceMeasurement> reference) {
        int rounds = trials.stream().mapToInt(Trial::round).max().orElse(1);
        Plan plan = new Plan(contestants, List.of("json"), List.of(C100), rounds, rounds, 7L, Duration.ofSeconds(3),
                Duration.ofSeconds(30), Duration.ofSeconds(10), new CpuSets("0", "1", "1"));
        Environment env = new Environment("cpu", 2, "Debian", "6.1", "17", "v20", null, "0", "1", "1", "host");
        return new Run(2, "quick", T0, T0.plusSeconds(600), RunStatus.COMPLETE, plan, env,
                contestants.stream().map(SyntheticRuns::contestant).toList(), trials, reference);
    }

    static Analysis analyse(Run run) {
        return Analyzer.analyze(run, t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }
}
