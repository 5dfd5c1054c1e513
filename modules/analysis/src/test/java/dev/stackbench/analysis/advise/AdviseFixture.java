package dev.stackbench.analysis.advise;

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
import dev.stackbench.results.RunCodec;
import dev.stackbench.results.RunStatus;
import dev.stackbench.results.ServerUsage;
import dev.stackbench.results.Trial;
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
 * The advisor's synthetic results directory of the per-workload form ({@code src/test/resources/advise/rate-curves/run.json},
 * schema 3, as written before a profile's mix was sent as one request mix and before run.json recorded the io delay;
 * no interval logs: the advisor reads run.json's percentiles). {@link MixLadderFixture} is the mix form. Deterministic; rewrite it by hand after
 * changing a figure ({@code AdviseFixtureTest} fails while the committed file differs):
 *
 * <pre>
 * mvn -q -o -pl modules/analysis test-compile
 * java -cp modules/analysis/target/test-classes:modules/analysis/target/classes:DEPS \
 *     dev.stackbench.analysis.advise.AdviseFixture modules/analysis/src/test/resources/advise/rate-curves
 * </pre>
 *
 * <p>Each contestant x workload is an M/M/1-like server on one core with a saturation rate μ and a
 * base latency b: at an offered rate λ below 0.97 μ the p99 is b + ln(100) / (μ - λ) seconds (the
 * M/M/1 response time's 99th percentile); at or above it the level is saturated (achieved μ, p99 a
 * censored 5 s). Trials vary by ±2% around that, 3 rounds. Open levels 25, 50, 100, 200, 400, 800,
 * 1600 and 3200 req/s (trials long enough for 1,200 values at the lowest), plus a closed level of 64
 * connections. flask-gunicorn has only the closed level. Known answers at a 200 ms p99 target:
 * <ul>
 *   <li>io: django-gunicorn (3 sync workers, μ = 60) meets it only at 25 req/s (p99 ≈ 183 ms);
 *       fastify (μ = 3000) up to 1600 req/s; fastapi-uvicorn (μ = 2200) and express (μ = 2500) up to 1600;</li>
 *   <li>user: django 400, fastify 3200, fastapi 1600, express 1600;</li>
 *   <li>cpu at a 10 ms target: django (b = 5 ms, μ = 230) at no level (best p99 ≈ 27 ms at 25 req/s),
 *       fastify (b = 1.2 ms, μ = 900) up to 200;</li>
 *   <li>flask-gunicorn user c64: 700 req/s, p99 150 ms (a closed-model estimate); io c64: p99 1.1 s.</li>
 * </ul>
 */
public final class AdviseFixture {
    static final double[] RATES = {25, 50, 100, 200, 400, 800, 1600, 3200};
    static final List<String> WORKLOADS = List.of("user", "io", "cpu");
    static final int ROUNDS = 3;
    static final long MB = 1_000_000L;

    /** One contestant's server model per workload: saturation rate (req/s) and base latency (µs). */
    record Model(Contestant contestant, Map<String, double[]> perWorkload, long rssBytes, boolean openModel) {
    }

    static final List<Model> MODELS = List.of(
            new Model(contestant("fastify", "Fastify", "javascript", "Fastify", "Node.js", 1),
                    Map.of("user", new double[] {4300, 2_000}, "io", new double[] {3000, 51_000},
                            "cpu", new double[] {900, 1_200}), 80 * MB, true),
            new Model(contestant("express", "Express", "javascript", "Express", "Node.js", 1),
                    Map.of("user", new double[] {2950, 2_500}, "io", new double[] {2500, 51_500},
                            "cpu", new double[] {700, 1_500}), 72 * MB, true),
            new Model(contestant("fastapi-uvicorn", "FastAPI (uvicorn)", "python", "FastAPI", "CPython", 1),
                    Map.of("user", new double[] {2900, 3_000}, "io", new double[] {2200, 52_000},
                            "cpu", new double[] {250, 4_000}), 70 * MB, true),
            new Model(contestant("django-gunicorn", "Django (gunicorn)", "python", "Django", "CPython", 3),
                    Map.of("user", new double[] {780, 4_000}, "io", new double[] {60, 52_000},
                            "cpu", new double[] {230, 5_000}), 140 * MB, true),
            new Model(contestant("flask-gunicorn", "Flask (gunicorn)", "python", "Flask", "CPython", 3),
                    Map.of("user", new double[] {700, 150_000}, "io", new double[] {58, 1_100_000},
                            "cpu", new double[] {220, 300_000}), 100 * MB, false));

    private AdviseFixture() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "modules/analysis/src/test/resources/advise/rate-curves");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run.json"), new RunCodec().write(run()), StandardCharsets.UTF_8);
    }

    /** @return the fixture run */
    static Run run() {
        Instant started = Instant.parse("2026-11-20T09:00:00Z");
        List<LoadLevel> levels = new ArrayList<>();
        levels.add(new LoadLevel.Closed(64));
        for (double r : RATES) {
            levels.add(new LoadLevel.Open(r));
        }
        List<Contestant> contestants = MODELS.stream().map(Model::contestant).toList();
        Plan plan = new Plan(contestants.stream().map(Contestant::id).toList(), WORKLOADS, levels, ROUNDS, ROUNDS, 7L,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10), new CpuSets("0", "1", "1"));
        Environment env = new Environment("AMD EPYC 7B13", 2, "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-amd64",
                "17.0.15", "v20.18.1", "3.11.2", "0", "1", "1", "bench-1");
        List<Trial> trials = new ArrayList<>();
        List<ReferenceMeasurement> reference = new ArrayList<>();
        long slot = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (Model m : MODELS) {
                for (String w : WORKLOADS) {
                    for (LoadLevel level : levels) {
                        if (level instanceof LoadLevel.Open && !m.openModel()) {
                            continue;
                        }
                        trials.add(trial(m, w, level, round, started.plusSeconds(20 + 60 * slot++)));
                    }
                }
            }
            reference.add(new ReferenceMeasurement(round, started.plusSeconds(20 + 60 * slot++), 20_000 + 100 * round,
                    1_200));
        }
        // an older results directory: schema 3, each workload measured alone, no io delay or mix recorded
        return new Run(3, "advise-fixture", started, started.plusSeconds(20 + 60 * slot),
                RunStatus.COMPLETE, plan, env, contestants, trials, reference);
    }

    static Trial trial(Model m, String workload, LoadLevel level, int round, Instant start) {
        String id = m.contestant().id();
        SplittableRandom random = new SplittableRandom((id + "/" + workload + "/" + level.label()).hashCode() * 31L + round);
        double noise = 0.98 + 0.04 * random.nextDouble();
        double mu = m.perWorkload().get(workload)[0];
        double baseMicros = m.perWorkload().get(workload)[1];
        long rss = Math.round(m.rssBytes() * (0.98 + 0.04 * random.nextDouble()));
        if (level instanceof LoadLevel.Closed closed) {
            double throughput = round1(mu * noise);
            double duration = 10;
            long count = Math.round(throughput * duration);
            long p99 = Math.round(baseMicros * noise);
            Percentiles latency = new Percentiles(p99 / 3, p99 / 2, p99 * 2 / 3, p99, p99 * 2, p99 * 3, p99 * 4,
                    p99 / 2.5, p99 / 5.0, count, 0);
            return new Trial(id, workload, level, round, round, start, duration, 2, count, throughput, 0, latency, null,
                    null, Errors.NONE, new ServerUsage(0.97, null, rss, Math.round(rss * 1.04), ServerUsage.CGROUP),
                    new GeneratorHealth(0.3, null, throughput, 0, 0, 200L, null, 0.0, false, false, null, false),
                    List.of(), null);
        }
        double rate = ((LoadLevel.Open) level).ratePerSecond();
        double duration = Math.max(10, 1200 / rate);
        boolean saturated = rate >= 0.97 * mu;
        double achieved = round1((saturated ? mu * noise : rate * (0.998 + 0.002 * random.nextDouble())));
        long count = Math.round(rate * duration);
        long censored = saturated ? count / 50 : 0;
        long p99 = saturated ? 5_000_000 : Math.round((baseMicros + Math.log(100) / (mu - rate) * 1e6) * noise);
        long p50 = saturated ? 2_000_000 : Math.round((baseMicros + Math.log(2) / (mu - rate) * 1e6) * noise);
        Percentiles latency = new Percentiles(p50, (p50 + p99) / 2, (p50 + p99) / 2, p99, Math.min(5_000_000, p99 * 3 / 2),
                Math.min(5_000_000, p99 * 2), Math.min(5_000_000, p99 * 3), (p50 + p99) / 3.0, p99 / 4.0, count, censored);
        Percentiles service = new Percentiles(p50, p50, p50, Math.min(p99, 900_000), Math.min(p99, 900_000),
                Math.min(p99, 900_000), Math.min(p99, 900_000), p50, p50 / 4.0, count - censored, 0);
        double cpu = round2(Math.min(0.99, rate / mu) * noise);
        return new Trial(id, workload, level, round, round, start, duration, 2, count - censored, achieved, censored,
                latency, null, service, saturated ? new Errors(0, 0, 0, censored / 2, Map.of()) : Errors.NONE,
                new ServerUsage(Math.min(0.99, cpu), null, rss, Math.round(rss * 1.04), ServerUsage.CGROUP),
                new GeneratorHealth(round2(0.05 + rate / 40_000.0), rate, achieved, 0, 0, 200L, 300L, 0.0, false,
                        false, null, false),
                List.of(), null);
    }

    static Contestant contestant(String id, String name, String language, String framework, String runtime,
            int workers) {
        return new Contestant(id, name, language, framework, "1.0.0", runtime, "1", "realistic", "abc1234", workers,
                new ContestantStatus.Measured(), 500L, 50 * MB);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
