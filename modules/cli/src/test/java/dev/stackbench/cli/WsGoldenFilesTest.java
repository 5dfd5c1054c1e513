package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.loadgen.GeneratorEnvironment;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LatencySummary;
import dev.stackbench.loadgen.summary.WsSummaryPrinter;
import dev.stackbench.loadgen.ws.Publisher;
import dev.stackbench.loadgen.ws.WsErrors;
import dev.stackbench.loadgen.ws.WsMessage;
import dev.stackbench.loadgen.ws.WsPattern;
import dev.stackbench.loadgen.ws.WsResult;
import dev.stackbench.loadgen.ws.WsSpec;
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
 * The WebSocket summary and {@code --json} of one synthetic fan-out result with known numbers,
 * sealed by golden files in {@code src/test/resources/golden/}, the same in every default locale.
 * To accept a deliberate change: {@code mvn test -Dstackbench.golden.update=true}, then review the diff.
 */
class WsGoldenFilesTest {
    private static final boolean UPDATE = Boolean.getBoolean("stackbench.golden.update");
    private static final Path SOURCE_DIR = Path.of("src/test/resources/golden");
    private final Locale savedDefault = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedDefault);
    }

    /** 10 s of fan-out: 1,000 messages x 3 subscribers, one subscriber missed 2; deliveries 1..2,998 ms uniformly. */
    static WsResult fixture() {
        WsSpec spec = WsSpec.builder(URI.create("ws://127.0.0.1:8080/ws")).connections(3).threads(1)
                .duration(Duration.ofSeconds(10)).warmup(Duration.ofSeconds(2))
                .pattern(new WsPattern.FanOut(new Publisher.HttpPost(URI.create("http://127.0.0.1:8080/publish"), 4), 100))
                .message(new WsMessage(WsMessage.Kind.TEXT, 100, "{\"id\":\"{stamp}\",\"pad\":\"{pad}\"}")).build();
        Histogram latency = new Histogram(1, 60_000_000, 3);
        for (int i = 1; i <= 2_998; i++) {
            latency.recordValue(i * 1_000L);
        }
        Histogram last = new Histogram(1, 60_000_000, 3);
        for (int i = 1; i <= 998; i++) {
            last.recordValue(i * 3_000L);
        }
        Histogram connect = new Histogram(1, 60_000_000, 3);
        connect.recordValue(1_500);
        connect.recordValue(2_000);
        connect.recordValue(2_500);
        WsErrors errors = new WsErrors(0, 0, 0, 0, Map.of(), 0, 0, 0, 1, 0, Map.of(503, 2L), 5);
        List<IntervalSample> timeline = List.of(new IntervalSample(0, 1, 300, 0, 2_000), new IntervalSample(1, 1, 298, 3, 2_990));
        GeneratorHealth health = new GeneratorHealth(0.5, 1, 0.05, 0.04, 100, 100, 1_000, 0, 12, 800, List.of());
        GeneratorEnvironment env = new GeneratorEnvironment("17.0.15", "Linux 6.1 amd64", "AMD EPYC", 2, "0", "epoll");
        return new WsResult(spec, 10, 3, 1_000, 2_998, 2, LatencySummary.of(latency), latency, LatencySummary.of(last), last, 2,
                LatencySummary.of(connect), connect, errors, 2, timeline, health, env);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void summaryIsTheSameInEveryLocale(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        StringWriter text = new StringWriter();
        WsSummaryPrinter printer = new WsSummaryPrinter(new PrintWriter(text, true));
        WsResult r = fixture();
        printer.header(r.spec());
        printer.summary(r, false, true);
        assertGolden("ws-summary.txt", text.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void jsonIsTheSameInEveryLocale(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        assertGolden("ws-result.json", new WsResultJson().toJson(fixture()).toPrettyString() + "\n");
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
