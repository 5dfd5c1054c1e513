package dev.stackbench.analysis.advise;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.Environment;
import dev.stackbench.results.Errors;
import dev.stackbench.results.GeneratorHealth;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Percentiles;
import dev.stackbench.results.Plan;
import dev.stackbench.results.ReferenceMeasurement;
import dev.stackbench.results.Run;
import dev.stackbench.results.RunCodec;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
import dev.stackbench.results.TrialDetail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic results directory of a profile's run ({@code src/test/resources/advise/mix-ladder/run.json},
 * schema 4, no interval logs), as {@code stackbench run --profile mix-api.yaml} writes it: the profile's mix
 * (70% user, 20% io at 50 ms, 10% cpu: weights 7, 2, 1) sent as one request mix (workload {@code mix}) on
 * the profile's rate ladder (25 x √2^i req/s up to 1,600 ≥ 1,000 x 1.3), 3 rounds, each contestant's ladder
 * stopped at its first rate that misses (the higher rates are not in the file, as the runner skips them).
 * Deterministic; rewrite it after changing a figure ({@code AdviseFixtureTest} fails while the committed
 * file differs), as {@link AdviseFixture} says, with main class {@code MixLadderFixture}.
 *
 * <p>Each contestant is an M/M/1-like server on one core with a saturation rate μ for the whole mix and a
 * base latency b per kind: at an offered rate λ below 0.97 μ a kind's p99 is b + ln(100) / (μ - λ) seconds;
 * the mix's p99 is the slowest kind's (a conservative stand-in for the p99 of the union); at or above
 * 0.97 μ the level is saturated (achieved μ, p99 a censored 5 s). Trials vary by ±2%. Known answers at
 * 200 ms:
 * <ul>
 *   <li>fastify (μ = 2,000): meets it at every rate up to the top, 1,600 req/s (p99 ≈ 62.5 ms, io's):
 *       capacity ≥ 1,600 req/s per core, 1 core for 1,300 req/s;</li>
 *   <li>fastapi-uvicorn (μ = 900): meets it up to 800 (p99 ≈ 98 ms), saturated at 1,100: 2 cores;</li>
 *   <li>django-gunicorn (3 sync workers, μ = 200): meets it up to 140 (p99 ≈ 129 ms), saturated at 200:
 *       10 cores; its cpu kind has 140 values a trial there, too few for a p99 of its own.</li>
 * </ul>
 */
public final class MixLadderFixture {
    static final List<String> KINDS = List.of("user", "io", "cpu");
    static final Map<String, Integer> WEIGHTS = Map.of("user", 7, "io", 2, "cpu", 1);
    static final Map<String, String> PATHS = Map.of("user", "/api/users/{random:1..10000}", "io", "/io?ms=50", "cpu",
            "/cpu?n=10000");
    static final int ROUNDS = 3;
    static final long MB = 1_000_000L;

    /** A contestant's mix model: saturation rate (req/s) and base latency per kind (µs). */
    record Model(Contestant contestant, double mu, Map<String, Double> baseMicros, long rssBytes) {
    }

    static final List<Model> MODELS = List.of(
            new Model(AdviseFixture.contestant("fastify", "Fastify", "javascript", "Fastify", "Node.js", 1), 2000,
                    Map.of("user", 2_000.0, "io", 51_000.0, "cpu", 3_000.0), 80 * MB),
            new Model(AdviseFixture.contestant("fastapi-uvicorn", "FastAPI (uvicorn)", "python", "FastAPI", "CPython", 1), 900,
                    Map.of("user", 3_000.0, "io", 52_000.0, "cpu", 8_000.0), 70 * MB),
            new Model(AdviseFixture.contestant("django-gunicorn", "Django (gunicorn)", "python", "Django", "CPython", 3), 200,
                    Map.of("user", 4_000.0, "io", 52_000.0, "cpu", 6_000.0), 140 * MB));

    private MixLadderFixture() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "modules/analysis/src/test/resources/advise/mix-ladder");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run.json"), new RunCodec().write(run()), StandardCharsets.UTF_8);
    }

    /** @return the ladder's rates, req/s: mix-api.yaml's on one core (up to the first at or above 1,000 x 1.3) */
    static List<Double> rates() {
        return ProfileMeasurements.ladder(1000 * 1.3);
    }

    /** @return the fixture run */
    static Run run() {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        List<LoadLevel> levels = rates().stream().map(r -> (LoadLevel) new LoadLevel.Open(r)).toList();
        List<Contestant> contestants = MODELS.stream().map(Model::contestant).toList();
        List<Plan.MixShare> mix = KINDS.stream().map(k -> new Plan.MixShare(k, PATHS.get(k), WEIGHTS.get(k))).toList();
        Plan plan = new Plan(contestants.stream().map(Contestant::id).toList(), List.of(Plan.MIX), levels, ROUNDS, ROUNDS, 11L,
                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10), new CpuSets("0", "1", "1"))
                .with(new Plan.Params(50, 10_000), mix);
        Environment env = new Environment("AMD EPYC 7B13", 2, "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-amd64",
                "17.0.15", "v20.18.1", "3.11.2", "0", "1", "1", "bench-1");
        List<Trial> trials = new ArrayList<>();
        List<ReferenceMeasurement> reference = new ArrayList<>();
        long slot = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (Model m : MODELS) {
                for (LoadLevel level : levels) {
                    double rate = ((LoadLevel.Open) level).ratePerSecond();
                    trials.add(trial(m, rate, round, started.plusSeconds(20 + 45 * slot++)));
                    if (misses(m, rate)) {
                        break; // the ladder's stop: the higher rates are skipped
                    }
                }
            }
            reference.add(new ReferenceMeasurement(round, started.plusSeconds(20 + 45 * slot++), 20_000 + 100 * round, 1_200));
        }
        return new Run(Run.SCHEMA_VERSION, "profile", started, started.plusSeconds(20 + 45 * slot), RunStatus.COMPLETE, plan,
                env, contestants, trials, reference);
    }

    /** @return whether the level misses the ladder's stop (2 x 200 ms) or saturates */
    static boolean misses(Model m, double rate) {
        return saturated(m, rate) || p99(m, "io", rate, 1) > 400_000;
    }

    static boolean saturated(Model m, double rate) {
        return rate >= 0.97 * m.mu();
    }

    static long p99(Model m, String kind, double rate, double noise) {
        return Math.round((m.baseMicros().get(kind) + Math.log(100) / (m.mu() - rate) * 1e6) * noise);
    }

    static Trial trial(Model m, double rate, int round, Instant start) {
        String id = m.contestant().id();
        SplittableRandom random = new SplittableRandom((id + "/mix/" + rate).hashCode() * 31L + round);
        double noise = 0.98 + 0.04 * random.nextDouble();
        long rss = Math.round(m.rssBytes() * (0.98 + 0.04 * random.nextDouble()));
        double duration = ProfileMeasurements.trialSeconds(rate);
        boolean saturated = saturated(m, rate);
        double achieved = AdviseFixture.round1(saturated ? m.mu() * noise : rate * (0.998 + 0.002 * random.nextDouble()));
        long count = Math.round(rate * duration);
        long censored = saturated ? count / 50 : 0;
        List<TrialDetail.Kind> kinds = new ArrayList<>();
        long slowest = 0;
        for (String k : KINDS) {
            long n = count * WEIGHTS.get(k) / 10;
            long p99 = saturated ? 5_000_000 : p99(m, k, rate, noise);
            long p50 = saturated ? 2_000_000 : Math.round((m.baseMicros().get(k) + Math.log(2) / (m.mu() - rate) * 1e6) * noise);
            slowest = Math.max(slowest, p99);
            kinds.add(new TrialDetail.Kind(k, PATHS.get(k), WEIGHTS.get(k), n - censored * WEIGHTS.get(k) / 10,
                    AdviseFixture.round1(achieved * WEIGHTS.get(k) / 10), percentiles(p50, p99, n, censored * WEIGHTS.get(k) / 10),
                    0));
        }
        long p50 = saturated ? 2_000_000 : Math.round((m.baseMicros().get("user") + Math.log(2) / (m.mu() - rate) * 1e6) * noise);
        Percentiles latency = percentiles(p50, slowest, count, censored);
        double cpu = AdviseFixture.round2(Math.min(0.99, rate / m.mu()) * noise);
        return new Trial(id, Plan.MIX, new LoadLevel.Open(rate), round, round, start, duration, 0.5, count - censored, achieved,
                censored, latency, null, latency, saturated ? new Errors(0, 0, 0, censored / 2, Map.of()) : Errors.NONE,
                new ServerUsage(Math.min(0.99, cpu), null, rss, Math.round(rss * 1.04), ServerUsage.CGROUP),
                new GeneratorHealth(AdviseFixture.round2(0.05 + rate / 40_000.0), rate, achieved, 0, 0, 200L, 300L, 0.0, false,
                        false, null, false),
                List.of(), null, new TrialDetail.Mix(kinds));
    }

    private static Percentiles percentiles(long p50, long p99, long count, long censored) {
        return new Percentiles(p50, (p50 + p99) / 2, (p50 + p99) / 2, p99, Math.min(5_000_000, p99 * 3 / 2),
                Math.min(5_000_000, p99 * 2), Math.min(5_000_000, p99 * 3), (p50 + p99) / 3.0, p99 / 4.0, count, censored);
    }
}
