package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.GeneratorEnvironment;
import dev.stackbench.loadgen.ConnectionSummary;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.KindResult;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.summary.SummaryPrinter;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.RateStage;
import dev.stackbench.loadgen.RequestKind;
import dev.stackbench.loadgen.StageResult;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.loadgen.ThresholdResult;
import dev.stackbench.loadgen.Warmup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP summary of one synthetic open-model mix with known numbers, sealed by a golden file in
 * {@code src/test/resources/golden/}, the same in every default locale.
 * To accept a deliberate change: {@code mvn test -Dstackbench.golden.update=true}, then review the diff.
 */
class SummaryGoldenFilesTest {
    private static final boolean UPDATE = Boolean.getBoolean("stackbench.golden.update");
    private static final Path SOURCE_DIR = Path.of("src/test/resources/golden");
    private final Locale savedDefault = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedDefault);
    }

    /**
     * 10 s of an open-model schedule (100 then 200..400 req/s, 5 s each) over a 3:1 mix: 1,990
     * responses at 1..1,990 ms (in steps of 1 ms), 10 timeouts at 2 s censored; 40 HTTP 503 and the
     * 10 timeouts as errors; 1.5 MiB read; p99 &lt; 2 s fails on the censored values, errors &lt; 5% holds.
     */
    static LoadResult fixture() {
        List<RateStage> stages = List.of(RateStage.step(100, Duration.ofSeconds(5)),
                new RateStage(200, 400, Duration.ofSeconds(5)));
        RequestKind json = new RequestKind("json", "GET", "/json", List.of(new Header("Accept", "application/json")), new byte[0], 3);
        RequestKind users = new RequestKind("users", "GET", "/users/{random:1..100}", List.of(), new byte[0], 1);
        Threshold p99 = new Threshold("", Threshold.Metric.P99, Threshold.Operator.LT, 2_000_000);
        Threshold errors = new Threshold("users", Threshold.Metric.ERRORS, Threshold.Operator.LT, 0.05);
        LoadSpec spec = LoadSpec.builder(URI.create("http://127.0.0.1:8080")).requests(List.of(json, users)).seed(7)
                .connections(20).threads(2).duration(Duration.ofSeconds(10)).timeout(Duration.ofSeconds(2))
                .warmup(Duration.ofSeconds(3)).model(LoadModel.Open.schedule(stages, LoadModel.Arrivals.POISSON))
                .thresholds(List.of(p99, errors)).build();
        Histogram latency = new Histogram(1, 60_000_000, 3);
        Histogram censored = new Histogram(1, 60_000_000, 3);
        Histogram service = new Histogram(1, 60_000_000, 3);
        for (int i = 1; i <= 1_990; i++) {
            latency.recordValue(i * 1_000L);
            service.recordValue(i * 500L);
        }
        for (int i = 0; i < 10; i++) {
            latency.recordValue(2_000_000);
            censored.recordValue(2_000_000);
        }
        Histogram success = new Histogram(1, 60_000_000, 3);
        Histogram error = new Histogram(1, 60_000_000, 3);
        for (int i = 1; i <= 1_990; i++) {
            (i % 50 == 0 ? error : success).recordValue(i * 1_000L);
        }
        Histogram jsonLatency = new Histogram(1, 60_000_000, 3);
        Histogram usersLatency = new Histogram(1, 60_000_000, 3);
        Histogram usersCensored = new Histogram(1, 60_000_000, 3);
        for (int i = 1; i <= 1_990; i++) {
            (i % 4 == 0 ? usersLatency : jsonLatency).recordValue(i * 1_000L);
        }
        for (int i = 0; i < 10; i++) {
            usersLatency.recordValue(2_000_000);
            usersCensored.recordValue(2_000_000);
        }
        ErrorCounts all = new ErrorCounts(0, 0, 0, 10, Map.of(503, 40L));
        ErrorCounts jsonErrors = new ErrorCounts(0, 0, 0, 0, Map.of(503, 30L));
        ErrorCounts usersErrors = new ErrorCounts(0, 0, 0, 10, Map.of(503, 10L));
        KindResult jsonKind = new KindResult("json", 3, 1_493, 1_463, 10, 0, LatencySummary.of(jsonLatency), LatencySummary.of(jsonLatency),
                LatencySummary.of(error), jsonErrors, jsonLatency, new Histogram(1, 60_000_000, 3));
        KindResult usersKind = new KindResult("users", 1, 497, 487, 10, 0, LatencySummary.of(usersLatency, usersCensored),
                LatencySummary.of(usersLatency), LatencySummary.of(error), usersErrors, usersLatency, usersCensored);
        LatencySummary total = LatencySummary.of(latency, censored);
        List<StageResult> stageResults = List.of(new StageResult(stages.get(0), 0, 5, 498, 12, LatencySummary.of(jsonLatency)),
                new StageResult(stages.get(1), 5, 5, 1_492, 38, total));
        List<IntervalSample> timeline = List.of(new IntervalSample(0, 1, 100, 2, 12_400), new IntervalSample(1, 1, 99, 0, 980),
                new IntervalSample(9, 1, 290, 9, 2_000_000));
        GeneratorHealth health = new GeneratorHealth(1.25, 2, 0.0625, 0.08, 200, 199, 2_000, 3, 17, 1_480, 210, 95, 4_100, 0.004,
                40, 23, 0, false, false, false, List.of());
        GeneratorEnvironment env = new GeneratorEnvironment("17.0.15", "Linux 6.1 amd64", "AMD EPYC", 2, "0", "epoll");
        List<ThresholdResult> thresholds = List.of(new ThresholdResult(p99, 2_000_000, true, false),
                new ThresholdResult(errors, 20.0 / 507, false, true));
        return new LoadResult(spec, 3, Warmup.End.FIXED, 10, 1_990, 1_950, 1_572_864, 0, total, LatencySummary.of(success),
                LatencySummary.of(error), LatencySummary.of(service), latency, success, error, censored, service, all, timeline,
                health, env, List.of(jsonKind, usersKind), stageResults, thresholds, false,
                new ConnectionSummary("HTTP/1.1", 1, "", "", false, LatencySummary.of(new Histogram(1, 3_600_000_000L, 3))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void summaryIsTheSameInEveryLocale(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        StringWriter text = new StringWriter();
        SummaryPrinter printer = new SummaryPrinter(new PrintWriter(text, true));
        LoadResult r = fixture();
        printer.header(r.spec());
        printer.summary(r, false, true);
        assertGolden("summary.txt", text.toString());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = SOURCE_DIR.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file %s (to accept a change: -Dstackbench.golden.update=true)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
