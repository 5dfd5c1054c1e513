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
                contestant("d", new ContestantStatus.FailedToStart("did not answer GET /json within 30 s")),
                contestant("e", new ContestantStatus.Crashed("killed by SIGKILL during json c100 trial 1"))));
        Run back = codec.read(codec.write(run), "test");
        assertThat(back).isEqualTo(run);
        assertThat(back.trials().get(1).level()).isEqualTo(new LoadLevel.Open(2500.5));
        assertThat(back.trials().get(0).errors().status()).containsExactly(Map.entry(500, 3L), Map.entry(503, 1L));
    }

    @Test
    void writesTheDocumentedShape() {
        String json = codec.write(sample(List.of(contestant("b", new ContestantStatus.FailedVerification("x")))));
        assertThat(json)
                .startsWith("{\n  \"schemaVersion\" : 2,\n  \"suite\" : \"quick\",\n  \"started\" : \"2025-03-01T10:00:00Z\"")
                .contains("\"rounds\" : 1,\n    \"shuffleSeed\" : 42,\n    \"warmup\" : \"PT3S\",\n    \"warmupCap\" : \"PT30S\"")
                .contains("\"round\" : 1,\n      \"started\" : \"2025-03-01T10:00:05Z\"")
                .contains("\"count\" : 12345,\n        \"censored\" : 4\n")
                .contains("\"invalid\" : [\n        \"error rate 31.0% > 5%\"\n      ],")
                .contains("\"databaseCpuCores\" : 0.2,")
                .contains("\"source\" : \"cgroup\"")
                .contains("\"reference\" : [\n    {\n      \"round\" : 1,")
                .contains("{\n        \"model\" : \"closed\",\n        \"connections\" : 100\n      }")
                .contains("\"model\" : \"open\",\n        \"ratePerSecond\" : 2500.5")
                .contains("\"state\" : \"failedVerification\",\n        \"reason\" : \"x\"")
                .contains("\"status\" : {\n          \"500\" : 3,\n          \"503\" : 1\n        }")
                .contains("\"serviceTimeMicros\" : null")
                .endsWith("}\n");
    }

    static String v1RunJson() throws IOException {
        try (InputStream in = RunCodecTest.class.getResourceAsStream("/v1/seed-run.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A schema-1 file (the fixture as schema 1 wrote it) reads, with the schema-2 fields at their defaults. */
    @Test
    void aSchema1FileIsReadWithDefaults() throws IOException {
        Run v1 = codec.read(v1RunJson(), "v1/run.json");
        assertThat(v1.schemaVersion()).isEqualTo(1);
        assertThat(v1.reference()).isEmpty();
        assertThat(v1.plan().rounds()).isEqualTo(3);
        assertThat(v1.plan().shuffleSeed()).isZero();
        assertThat(v1.plan().warmupCap()).isEqualTo(v1.plan().warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(v1.contestants()).extracting(Contestant::restarts).containsOnly(0);
        Trial t = v1.trials().get(4);
        assertThat(t.round()).isEqualTo(t.trial()).isEqualTo(2);
        assertThat(t.started()).isNull();
        assertThat(t.warmupSeconds()).isEqualTo(10.0);
        assertThat(t.unsent()).isZero();
        assertThat(t.errorLatencyMicros()).isNull();
        assertThat(t.invalid()).isEmpty();
        assertThat(t.valid()).isTrue();
        assertThat(t.latencyMicros().count()).isEqualTo(t.requests());
        assertThat(t.latencyMicros().censored()).isZero();
        assertThat(t.server().databaseCpuCores()).isNull();
        assertThat(t.server().source()).isEqualTo("proc");
        assertThat(t.generator().hiccupMaxMicros()).isNull();
        assertThat(t.generator().sendLagP99Micros()).isNull();
        assertThat(t.generator().stealFraction()).isNull();
        assertThat(t.generator().connectionLimited()).isFalse();
        Trial open = v1.trials().stream().filter(x -> x.serviceTimeMicros() != null).findFirst().orElseThrow();
        assertThat(open.serviceTimeMicros().count()).isEqualTo(open.requests());
    }

    /** Schema 2 stays strict: a field that schema 1 lacked is required once the file says 2. */
    @Test
    void aSchema2FileMissingASchema2FieldIsRejected() throws IOException {
        String broken = fixtureRunJson().replaceFirst("\"round\" : ", "\"roundx\" : ");
        assertThatThrownBy(() -> codec.read(broken, "x/run.json"))
                .hasMessage("x/run.json: missing field 'round' at trials[0].round");
    }

    @Test
    void censoredCannotExceedCount() {
        assertThatThrownBy(() -> new Percentiles(1, 1, 1, 1, 1, 1, 1, 1, 0, 3, 4))
                .hasMessage("censored must be within 0..count, was censored 4, count 3");
    }

    @Test
    void percentilesOfAHistogramCountItsValuesAndTheCensoredOnes() {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(2);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 10L);
        }
        h.recordValueWithCount(2_000_000, 5); // five timeouts at a 2 s censored value
        Percentiles p = Percentiles.of(h, 5);
        assertThat(p.count()).isEqualTo(105);
        assertThat(p.censored()).isEqualTo(5);
        assertThat(Percentiles.of(h).censored()).isZero();
        assertThat(p.censoredFraction()).isCloseTo(5 / 105.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void crashedDescribesItself() {
        assertThat(new ContestantStatus.Crashed("killed by SIGKILL").describe()).isEqualTo("crashed: killed by SIGKILL");
        assertThat(contestant("x", new ContestantStatus.Crashed("exit 1")).measured()).isTrue();
    }

    @Test
    void newerSchemaIsRejectedWithTheWayOut() {
        assertThatThrownBy(() -> codec.read("{\"schemaVersion\": 5, \"whatever\": true}", "x/run.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessage("x/run.json has schemaVersion 5 but this Stackbench reads up to 4;"
                        + " use a newer Stackbench to read it")
                .extracting(e -> ((ResultsFormatException) e).kind())
                .isEqualTo(ResultsFormatException.Kind.NEWER_SCHEMA);
    }

    /** A schema-2 run has no {@code lagged}: it reads as null, and {@code bound} keeps its old meaning. */
    @Test
    void aSchema2RunReadsWithLaggedUnknown() throws IOException {
        String v3 = fixtureRunJson();
        String v2 = v3.replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 2")
                .replaceAll(",\\s*\"lagged\" : (true|false|null)", "");
        assertThat(v2).doesNotContain("lagged");
        Run run = codec.read(v2, "v2/run.json");
        assertThat(run.schemaVersion()).isEqualTo(2);
        assertThat(run.trials()).isNotEmpty().allSatisfy(t -> assertThat(t.generator().lagged()).isNull());
        assertThat(run.trials().stream().filter(t -> t.generator().bound()).count())
                .isEqualTo(codec.read(v3, "v3/run.json").trials().stream().filter(t -> t.generator().bound()).count());
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
    void aSchema2FileIsReadAsIsItsTrialsOrdinaryHttpTrials() throws IOException {
        String v2text = fixtureRunJson().replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 2")
                .replaceAll(",\\s*\"lagged\" : (true|false|null)", "");
        Run v2 = codec.read(v2text, "fixture/run.json");
        assertThat(v2.schemaVersion()).isEqualTo(2);
        assertThat(v2.trials()).isNotEmpty().allSatisfy(t -> assertThat(t.detail()).isNull());
        assertThat(codec.write(v2)).doesNotContain("\"detail\"");
    }

    /** Schema 4: the plan records the io delay and the mix sent; a schema-3 plan reads with neither, and writes back without them. */
    @Test
    void thePlansParamsAndMixSurviveARoundTripAndASchema3PlanHasNeither() throws IOException {
        Run base = sample(List.of(contestant("a", new ContestantStatus.Measured())));
        Plan plan = base.plan().with(new Plan.Params(50, 10_000), List.of(
                new Plan.MixShare("user", "/api/users/{random:1..10000}", 7), new Plan.MixShare("io", "/io?ms=50", 2),
                new Plan.MixShare("cpu", "/cpu?n=10000", 1)));
        Run run = new Run(Run.SCHEMA_VERSION, base.suite(), base.started(), base.finished(), base.status(), plan,
                base.environment(), base.contestants(), base.trials(), base.reference());
        String json = codec.write(run);
        assertThat(codec.read(json, "test")).isEqualTo(run);
        assertThat(json).contains("    \"params\" : {\n      \"ioMillis\" : 50,\n      \"cpuN\" : 10000\n    },\n"
                + "    \"mix\" : [\n      {\n        \"workload\" : \"user\",\n        \"path\" : \"/api/users/{random:1..10000}\",\n"
                + "        \"weight\" : 7\n      },");
        assertThat(plan.mixFractions()).containsExactly(Map.entry("user", 0.7), Map.entry("io", 0.2), Map.entry("cpu", 0.1));

        String v3 = fixtureRunJson();
        assertThat(v3).startsWith("{\n  \"schemaVersion\" : 3,").doesNotContain("\"params\"").doesNotContain("\"mix\"");
        Run old = codec.read(v3, "v3/run.json");
        assertThat(old.plan().params()).isNull();
        assertThat(old.plan().mix()).isNull();
        assertThat(old.plan().mixFractions()).isEmpty();
        assertThat(codec.write(old)).isEqualTo(v3);
        assertThatThrownBy(() -> new Plan.MixShare("io", "/io?ms=50", 0))
                .hasMessage("plan.mix weight must be >= 1, was 0 for io");
    }

    @Test
    void fanoutAndMixTrialsSurviveARoundTripInTheDocumentedShape() {
        Percentiles lat = new Percentiles(900, 1200, 1500, 2500, 4000, 9000, 12000, 1000.5, 300.25, 12345, 0);
        Run base = sample(List.of(contestant("a", new ContestantStatus.Measured())));
        Trial fanout = new Trial("a", "realtime", new LoadLevel.Fanout(1000, 20), 1, 1, Instant.parse("2025-03-01T10:00:45Z"),
                2.0, 1.0, 39_990, 19_995, 0, lat, null, null, new Errors(3, 0, 0, 10, Map.of()),
                new ServerUsage(0.3, null, 90_000_000, 95_000_000, ServerUsage.CGROUP),
                new GeneratorHealth(0.1, 20.0, 20.0, 0, 0, null, null, null, false, false, null), List.of(),
                "trials/a/realtime/s1000-p20-t1.hlog", new TrialDetail.Fanout(997, 40, 10, 2, lat));
        Trial mix = new Trial("a", "blocking", new LoadLevel.Open(200), 1, 1, Instant.parse("2025-03-01T10:00:55Z"),
                2.0, 1.0, 380, 190, 0, lat, null, lat, Errors.NONE,
                new ServerUsage(0.6, null, 80_000_000, 90_000_000, ServerUsage.CGROUP),
                new GeneratorHealth(0.1, 200.0, 200.0, 0, 0, null, null, null, false, false, null), List.of(),
                "trials/a/blocking/r200-t1.hlog", new TrialDetail.Mix(List.of(
                        new TrialDetail.Kind("json", "/json", 95, 380, 190, lat, 0),
                        new TrialDetail.Kind("cpu", "/cpu?n=10000", 5, 20, 10, lat, 1))));
        Run run = new Run(Run.SCHEMA_VERSION, base.suite(), base.started(), base.finished(), base.status(), base.plan(),
                base.environment(), base.contestants(), List.of(base.trials().get(0), fanout, mix), base.reference());
        String json = codec.write(run);

        assertThat(codec.read(json, "test")).isEqualTo(run);
        assertThat(json).startsWith("{\n  \"schemaVersion\" : 4,")
                .contains("{\n        \"model\" : \"fanout\",\n        \"subscribers\" : 1000,\n        \"publishPerSecond\" : 20.0\n      }")
                .contains("\"detail\" : {\n        \"kind\" : \"fanout\",\n        \"connected\" : 997,")
                .contains("\"detail\" : {\n        \"kind\" : \"mix\",\n        \"kinds\" : [");
        // the ordinary trial carries no detail field at all
        assertThat(json.split("\"detail\"", -1)).hasSize(3);
        assertThat(new LoadLevel.Fanout(1000, 20).label()).isEqualTo("s1000-p20");
        assertThat(new LoadLevel.Fanout(10_000, 2.5).describe()).isEqualTo("10000 subscribers, 2.5 msg/s");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatThrownBy(() -> codec.read("{\n\"schemaVersion\": 1,,", "x/run.json"))
                .hasMessageStartingWith("x/run.json is not valid JSON: ")
                .hasMessageEndingWith("(line 2)");
    }

    static Run sample(List<Contestant> contestants) {
        Percentiles lat = new Percentiles(900, 1200, 1500, 2500, 4000, 9000, 12000, 1000.5, 300.25, 12345, 4);
        Percentiles errLat = new Percentiles(90, 120, 150, 250, 400, 900, 1200, 100.5, 30.25, 4, 0);
        Trial closed = new Trial("a", "json", new LoadLevel.Closed(100), 1, 1, Instant.parse("2025-03-01T10:00:05Z"),
                10.0, 4.5, 12345, 1234.5, 0, lat, errLat, null,
                new Errors(1, 2, 3, 4, Map.of(503, 1L, 500, 3L)),
                new ServerUsage(0.97, 0.2, 80_000_000, 90_000_000, ServerUsage.CGROUP),
                new GeneratorHealth(0.4, null, 1234.5, 0, 0, 350L, null, 0.01, false, false, null),
                List.of("error rate 31.0% > 5%"), "trials/a/json/c100-t1.hlog");
        Trial open = new Trial("a", "json", new LoadLevel.Open(2500.5), 1, 1, Instant.parse("2025-03-01T10:00:25Z"),
                10.0, 3.0, 25005, 2500.5, 17, lat, null, lat, Errors.NONE,
                new ServerUsage(0.5, null, 80_000_000, 90_000_000, ServerUsage.PROC),
                new GeneratorHealth(0.2, 2500.5, 2500.5, 3, 1500, 400L, 900L, null, true, true, "generator CPU 97% > 90%"),
                List.of(), "trials/a/json/r2500.5-t1.hlog");
        Plan plan = new Plan(List.of("a"), List.of("json"), List.of(new LoadLevel.Closed(100), new LoadLevel.Open(2500.5)),
                1, 1, 42L, Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(30), new CpuSets("0", "1", "1"));
        Environment env = new Environment("cpu", 2, "Debian", "6.1", "17", null, "3.11", "0", "1", "1", "host");
        List<ReferenceMeasurement> reference = List.of(
                new ReferenceMeasurement(1, Instant.parse("2025-03-01T10:00:45Z"), 20_000.5, 1_200));
        return new Run(2, "quick", Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:05:00Z"),
                RunStatus.INTERRUPTED, plan, env, contestants, List.of(closed, open), reference);
    }

    static Contestant contestant(String id, ContestantStatus status) {
        return new Contestant(id, id.toUpperCase(Locale.ROOT), "python", "F", "1", "CPython", "3.11", "realistic",
                "abc", 1, status, status instanceof ContestantStatus.Crashed ? 1 : 0, 100L, 1_000L);
    }
}
