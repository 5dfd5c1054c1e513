package dev.stackbench.report;

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
import dev.stackbench.results.TrialDetail;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The realtime and blocking sections in every format, sealed by golden files
 * ({@code golden/claim-workloads-*}), over a hand-made run of known figures: node-http and fastapi
 * at 1,000 subscribers (fastapi misses 0.5% of its deliveries in every trial) and both under the
 * blocking pair at 800 req/s (node-http's json p99 1.2x with /cpu mixed in, fastapi's 6x), 3 rounds
 * with a machine drift the pairs cancel. Update as {@link GoldenFilesTest} says.
 */
class ClaimWorkloadsGoldenTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final double[] SPEED = {1.00, 0.92, 1.05};
    static Analysis analysis;
    final Locale savedDefault = Locale.getDefault();

    @BeforeAll
    static void analyse() {
        List<Trial> trials = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            trials.add(fanout("node-http", r, 4_000, 0));
            trials.add(fanout("fastapi", r, 35_000, 100));
            trials.add(http("node-http", "json", r, 1_500, null));
            trials.add(http("node-http", "blocking", r, 1_800, mix()));
            trials.add(http("fastapi", "json", r, 3_000, null));
            trials.add(http("fastapi", "blocking", r, 18_000 * (1 + 0.03 * (r - 1)), mix()));
        }
        List<Contestant> contestants = List.of(contestant("node-http", "javascript", "node:http", 14_000_000L),
                contestant("fastapi", "python", "FastAPI", 25_000_000L));
        Plan plan = new Plan(List.of("node-http", "fastapi"), List.of("json", "realtime", "blocking"), List.of(), 3, 3, 7L,
                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(1500), new CpuSets("0", "1", "1"));
        Environment env = new Environment("AMD EPYC 7B13", 2, "Debian GNU/Linux 12 (bookworm)", "6.1.0-31-amd64", "17.0.15",
                "v20.18.1", "3.11.2", "0", "1", "1", "bench-1");
        Run run = new Run(Run.SCHEMA_VERSION, "claims", T0, T0.plusSeconds(300), RunStatus.COMPLETE, plan, env, contestants, trials,
                List.of());
        analysis = Analyzer.analyze(run, t -> Optional.empty(), AnalysisSettings.DEFAULTS);
    }

    static Contestant contestant(String id, String language, String framework, long idleRss) {
        return new Contestant(id, id, language, framework, "1.0", language.equals("python") ? "CPython" : "Node.js",
                language.equals("python") ? "3.11.2" : "v20.18.1", "realistic", "abc", 1, new ContestantStatus.Measured(), 0, 900L, idleRss);
    }

    static Percentiles latency(long p99, long count) {
        return new Percentiles(p99 / 4, p99 / 3, p99 / 2, p99, p99 * 2, p99 * 2, p99 * 3, p99 / 3.0, p99 / 5.0, count, 0);
    }

    static Trial fanout(String id, int r, double p99, long missing) {
        long published = 15;
        long deliveries = published * 1000 - missing;
        long p = Math.round(p99 / SPEED[r]);
        return new Trial(id, "realtime", new LoadLevel.Fanout(1000, 10), r + 1, r + 1, T0.plusSeconds(60L * r), 1.5, 0.5, deliveries,
                deliveries / 1.5, 0, latency(p, deliveries), null, null, new Errors(0, 0, 0, missing, java.util.Map.of()),
                new ServerUsage(id.equals("fastapi") ? 0.62 : 0.18, null, (id.equals("fastapi") ? 25_000_000L : 14_000_000L)
                        + 1000L * (id.equals("fastapi") ? 61_440 : 12_288), 90_000_000, ServerUsage.CGROUP),
                new GeneratorHealth(0.1, 10.0, 10.0, 0, 0, null, null, null, false, false, null), List.of(),
                "trials/" + id + "/realtime/s1000-p10-t" + (r + 1) + ".hlog",
                new TrialDetail.Fanout(1000, published, missing, missing > 0 ? 2 : 0, latency(2 * p, published)));
    }

    static TrialDetail.Mix mix() {
        return new TrialDetail.Mix(List.of(new TrialDetail.Kind("json", "/json", 95, 1140, 760, latency(2_000, 1140), 0),
                new TrialDetail.Kind("cpu", "/cpu?n=10000", 5, 60, 40, latency(30_000, 60), 0)));
    }

    static Trial http(String id, String workload, int r, double p99, TrialDetail detail) {
        long count = workload.equals("json") ? 1200 : 1140;
        long p = Math.round(p99 / SPEED[r]);
        return new Trial(id, workload, new LoadLevel.Open(800), r + 1, r + 1, T0.plusSeconds(60L * r + 10), 1.5, 0.5, count, count / 1.5,
                0, latency(p, count), null, latency(p, count), Errors.NONE,
                new ServerUsage(0.5, null, 50_000_000, 60_000_000, ServerUsage.CGROUP),
                new GeneratorHealth(0.1, 800.0, count / 1.5, 0, 0, null, null, null, false, false, null), List.of(),
                "trials/" + id + "/" + workload + "/r800-t" + (r + 1) + ".hlog", detail);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedDefault);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void text(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claim-workloads-" + tag + ".txt", GoldenFilesTest.reports(tag).render(Format.TEXT, analysis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void markdown(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claim-workloads-" + tag + ".md", GoldenFilesTest.reports(tag).render(Format.MD, analysis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US"})
    void html(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claim-workloads-" + tag + ".html", GoldenFilesTest.reports(tag).render(Format.HTML, analysis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void jsonIsTheSameInEveryLocale(String tag) throws IOException {
        GoldenFilesTest.assertGolden("claim-workloads.json", GoldenFilesTest.reports(tag).render(Format.JSON, analysis));
    }
}
