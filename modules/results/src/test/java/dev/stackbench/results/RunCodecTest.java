package dev.stackbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackbench.results.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RunCodecTest {
    private final RunCodec codec = new RunCodec();

    static String fixtureRunJson() throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + Fixtures.SEED_RUN + "/run.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The committed fixture run.json is the golden file: reading and writing it changes no byte. */
    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ar-SA"})
    void goldenRunJsonRoundTripsByteForByteUnderEveryLocale(String tag) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            String golden = fixtureRunJson();
            Run run = codec.read(golden, "run.json");
            assertThat(codec.write(run)).isEqualTo(golden);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyVariantSurvivesARoundTrip() {
        Run run = sample(List.of(
                contestant("a", new ContestantStatus.Measured()),
                contestant("b", new ContestantStatus.FailedVerification("GET /json returned 404")),
                contestant("c", new ContestantStatus.NotInstalled("npm ci exited with 1")),
                contestant("d", new ContestantStatus.FailedToStart("did not answer GET /json within 30 s"))));
        Run back = codec.read(codec.write(run), "test");
        assertThat(back).isEqualTo(run);
        assertThat(back.trials().get(1).level()).isEqualTo(new LoadLevel.Open(2500.5));
        assertThat(back.trials().get(0).errors().status()).containsExactly(Map.entry(500, 3L), Map.entry(503, 1L));
    }

    @Test
    void writesTheDocumentedShape() {
        String json = codec.write(sample(List.of(contestant("b", new ContestantStatus.FailedVerification("x")))));
        assertThat(json)
                .startsWith("{\n  \"schemaVersion\" : 1,\n  \"suite\" : \"quick\",\n  \"started\" : \"2025-03-01T10:00:00Z\"")
                .contains("\"warmup\" : \"PT10S\"")
                .contains("{\n        \"model\" : \"closed\",\n        \"connections\" : 100\n      }")
                .contains("\"model\" : \"open\",\n        \"ratePerSecond\" : 2500.5")
                .contains("\"state\" : \"failedVerification\",\n        \"reason\" : \"x\"")
                .contains("\"status\" : {\n          \"500\" : 3,\n          \"503\" : 1\n        }")
                .contains("\"serviceTimeMicros\" : null")
                .endsWith("}\n");
    }

    @Test
    void newerSchemaIsRejectedWithTheWayOut() {
        assertThatThrownBy(() -> codec.read("{\"schemaVersion\": 2, \"whatever\": true}", "x/run.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessage("x/run.json has schemaVersion 2 but this Stackbench reads up to 1;"
                        + " use a newer Stackbench to read it")
                .extracting(e -> ((ResultsFormatException) e).kind())
                .isEqualTo(ResultsFormatException.Kind.NEWER_SCHEMA);
    }

    @Test
    void aJsonFileWithoutSchemaVersionIsNotARunFile() {
        assertThatThrownBy(() -> codec.read("{\"name\": \"package\"}", "x/run.json"))
                .hasMessage("x/run.json has no integer schemaVersion: not a Stackbench run file");
    }

    @Test
    void anUnknownFieldIsReportedWithItsPath() throws IOException {
        String broken = fixtureRunJson().replaceFirst("\"p99\" : ", "\"p98\" : 1, \"p99\" : ");
        assertThatThrownBy(() -> codec.read(broken, "x/run.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessage("x/run.json: unknown field 'p98' at trials[0].latencyMicros.p98");
    }

    @Test
    void aMissingFieldIsReportedWithItsPath() throws IOException {
        String broken = fixtureRunJson().replaceFirst("\"p99\" : ", "\"p99x\" : ");
        assertThatThrownBy(() -> codec.read(broken, "x/run.json"))
                .hasMessage("x/run.json: missing field 'p99' at trials[0].latencyMicros.p99");
    }

    @Test
    void anInvalidValueIsReportedWithItsPath() throws IOException {
        String broken = fixtureRunJson().replaceFirst("\"trial\" : 1,", "\"trial\" : 0,");
        assertThatThrownBy(() -> codec.read(broken, "x/run.json"))
                .hasMessageStartingWith("x/run.json: ")
                .hasMessageContaining("trial index is 1-based, was 0");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatThrownBy(() -> codec.read("{\n\"schemaVersion\": 1,,", "x/run.json"))
                .hasMessageStartingWith("x/run.json is not valid JSON: ")
                .hasMessageEndingWith("(line 2)");
    }

    static Run sample(List<Contestant> contestants) {
        Percentiles lat = new Percentiles(900, 1200, 1500, 2500, 4000, 9000, 12000, 1000.5, 300.25);
        Trial closed = new Trial("a", "json", new LoadLevel.Closed(100), 1, 10.0, 12345, 1234.5, lat, null,
                new Errors(1, 2, 3, 4, Map.of(503, 1L, 500, 3L)), new ServerUsage(0.97, 80_000_000, 90_000_000),
                new GeneratorHealth(0.4, null, 1234.5, 0, 0, false, null), "trials/a/json/c100-t1.hlog");
        Trial open = new Trial("a", "json", new LoadLevel.Open(2500.5), 1, 10.0, 25005, 2500.5, lat, lat,
                Errors.NONE, new ServerUsage(0.5, 80_000_000, 90_000_000),
                new GeneratorHealth(0.2, 2500.5, 2500.5, 3, 1500, true, "generator CPU 97% > 90%"),
                "trials/a/json/r2500.5-t1.hlog");
        Plan plan = new Plan(List.of("a"), List.of("json"), List.of(new LoadLevel.Closed(100), new LoadLevel.Open(2500.5)),
                1, Duration.ofSeconds(10), Duration.ofSeconds(30), new CpuSets("0", "1", "1"));
        Environment env = new Environment("cpu", 2, "Debian", "6.1", "17", null, "3.11", "0", "1", "1", "host");
        return new Run(1, "quick", Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:05:00Z"),
                RunStatus.INTERRUPTED, plan, env, contestants, List.of(closed, open));
    }

    static Contestant contestant(String id, ContestantStatus status) {
        return new Contestant(id, id.toUpperCase(Locale.ROOT), "python", "F", "1", "CPython", "3.11", "realistic",
                "abc", 1, status, 100L, 1_000L);
    }
}
