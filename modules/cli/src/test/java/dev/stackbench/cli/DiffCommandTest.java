package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stackbench diff} end to end against stub backends on loopback. */
@Timeout(60)
class DiffCommandTest {
    private static final StubApi.Variant CHANGED = new StubApi.Variant("stub-b", false, true, true, true, false);

    @TempDir
    Path dir;

    @Test
    void twoStubsWithTheSameAnswersAreEquivalentOnceServerAndDateAreIgnored() throws IOException {
        try (StubApi a = StubApi.start(StubApi.Variant.plain("stub-a"));
             StubApi b = StubApi.start(new StubApi.Variant("stub-b", true, false, false, false, false))) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url());
            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("requests: 41 from the endpoints of docs/api.md, on 10 endpoints")
                    .contains("EQUIVALENT: all 41 requests answered alike");
            // with every header compared, the Server header is still ignored by default, the Date too
            CliRun all = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--compare-header", "*");
            assertThat(all.exitCode()).isZero();
            CliRun server = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--compare-header", "server");
            assertThat(server.exitCode()).isEqualTo(ExitCode.OK.code());
        }
    }

    @Test
    void aChangedFieldStatusAndArrayOrderAreEachCaughtWithTheirPath() throws IOException {
        try (StubApi a = StubApi.start(StubApi.Variant.plain("stub-a")); StubApi b = StubApi.start(CHANGED)) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url());
            assertThat(run.exitCode()).isEqualTo(ExitCode.DIFFERENT.code()).isEqualTo(5);
            assertThat(run.out()).contains("DIFFERENT: 3 of 41 requests (7.3%) differ, in 3 places on 1 endpoint")
                    .contains("  GET /api/users/{id}  (25 requests)")
                    .contains("    value at $.name: 1 of 25 requests (4.0%)")
                    .contains("    status at status: 1 of 25 requests (4.0%)")
                    .contains("    array order at $.tags: 1 of 25 requests (4.0%)")
                    .containsPattern("/api/users/7 +\\$\\.name +old: \"User 7\"")
                    .containsPattern("new: \"user 7\"")
                    .containsPattern("/api/users/0 +old: 404\\n +new: 500");

            CliRun json = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--format", "json");
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertThat(root.get("format").asText()).isEqualTo("stackbench-diff");
            assertThat(root.get("equivalent").asBoolean()).isFalse();
            assertThat(root.get("differences").findValuesAsText("location")).contains("$.name", "status", "$.tags");

            CliRun unordered = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--ignore-array-order", "--ignore-path", "$.name");
            assertThat(unordered.out()).contains("DIFFERENT: 1 of 41 requests (2.4%) differ, in 1 place on 1 endpoint")
                    .doesNotContain("$.tags").doesNotContain("$.name:");
        }
    }

    @Test
    void aRandomRequestIdIsLearnedAsNoiseFromOld2() throws IOException {
        StubApi.Variant random = new StubApi.Variant("stub-a", false, false, false, false, true);
        try (StubApi a = StubApi.start(random); StubApi a2 = StubApi.start(random); StubApi b = StubApi.start(random)) {
            CliRun without = CliRun.of("diff", "--old", a.url(), "--new", b.url());
            assertThat(without.exitCode()).isEqualTo(ExitCode.DIFFERENT.code());
            // the 4 unknown ids answer 404 with an error member: the spec leaves the rest of such a body free
            assertThat(without.out()).contains("value at $.requestId: 21 of 25 requests");
            assertThat(CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--exact-errors").out())
                    .contains("value at $.requestId: 25 of 25 requests");

            CliRun run = CliRun.of("diff", "--old", a.url(), "--old2", a2.url(), "--new", b.url());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("EQUIVALENT: all 41 requests answered alike")
                    .contains("Noise learned from old vs old2 (left out of the comparison):")
                    .containsPattern("GET /api/users/\\{id} at \\$\\.requestId: old and old2 differed in 21 of 25 requests \\(e\\.g\\. \"[0-9a-f-]{36}\" vs \"[0-9a-f-]{36}\"\\); 21 difference\\(s\\) of new left out");
        }
    }

    @Test
    void noiseLearningStillCatchesARealChange() throws IOException {
        StubApi.Variant random = new StubApi.Variant("stub-a", false, false, false, false, true);
        StubApi.Variant changed = new StubApi.Variant("stub-b", false, true, false, false, true);
        try (StubApi a = StubApi.start(random); StubApi a2 = StubApi.start(random); StubApi b = StubApi.start(changed)) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--old2", a2.url(), "--new", b.url());
            assertThat(run.exitCode()).isEqualTo(ExitCode.DIFFERENT.code());
            assertThat(run.out()).contains("value at $.name: 1 of 25 requests").doesNotContain("value at $.requestId");
        }
    }

    @Test
    void anUnreachableUrlIsOneLineWithExitThree() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (StubApi a = StubApi.start(StubApi.Variant.plain("stub-a"))) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", "http://127.0.0.1:" + port);
            assertThat(run.exitCode()).isEqualTo(ExitCode.ENVIRONMENT.code());
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("stackbench: --new http://127.0.0.1:" + port
                    + " did not answer GET /json: connection refused; start the backend there or correct the URL\n");
        }
    }

    @Test
    void aMalformedRequestsFileIsOneLineNamingTheLine() throws IOException {
        Path file = dir.resolve("requests.txt");
        Files.writeString(file, "# smoke\nGET /json\nPOST /api/users {\"name\": \"Ada\"\n");
        CliRun run = CliRun.of("diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).isEqualTo("stackbench: requests file '" + file + "': line 3: the body \"{\"name\": \"Ada\"\" is not valid JSON"
                + " (Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])); expected METHOD PATH [JSON body],"
                + " e.g. GET /api/users/1 or POST /api/users {\"name\":\"Ada\"}\n"
                + "Try 'stackbench diff --help' for usage.\n");
    }

    @Test
    void aMalformedHarIsOneLineWithTheLineAndColumn() throws IOException {
        Path har = dir.resolve("session.har");
        Files.writeString(har, "{\"log\": {\"entries\": [\n  {\"request\": {\"method\": \"GET\", \"url\": }}]}}\n");
        CliRun run = CliRun.of("diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", har.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).startsWith("stackbench: HAR file '" + har + "': not valid JSON (line 2, column 40): Unexpected character ('}'")
                .endsWith("; expected a HAR file as a browser exports it\nTry 'stackbench diff --help' for usage.\n");
        Path empty = dir.resolve("empty.har");
        Files.writeString(empty, "{\"log\": {\"version\": \"1.2\"}}");
        assertThat(CliRun.of("diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", empty.toString()).err())
                .startsWith("stackbench: HAR file '" + empty + "': has no log.entries list; expected a HAR file as a browser exports it");
    }

    @Test
    void aHarFileIsReplayedByPathAndQuery() throws IOException {
        Path har = dir.resolve("session.har");
        Files.writeString(har, """
                {"log": {"version": "1.2", "entries": [
                  {"request": {"method": "GET", "url": "https://shop.example.com/api/users/7", "headers": [
                    {"name": ":authority", "value": "shop.example.com"}, {"name": "Accept", "value": "application/json"},
                    {"name": "Host", "value": "shop.example.com"}, {"name": "Cookie", "value": "s=1"}]}},
                  {"request": {"method": "GET", "url": "https://shop.example.com/cpu?n=100", "headers": []}}
                ]}}
                """);
        try (StubApi a = StubApi.start(StubApi.Variant.plain("stub-a")); StubApi b = StubApi.start(CHANGED)) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url(), har.toString());
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("requests: 2 from " + har + ", on 2 endpoints")
                    .contains("DIFFERENT: 1 of 2 requests (50.0%) differ, in 1 place on 1 endpoint");
        }
    }

    @Test
    void loadComparesInterleavedRoundsWithAPairedInterval() throws IOException {
        Path file = dir.resolve("requests.txt");
        Files.writeString(file, "GET /json\nGET /api/users/1\nGET /api/users/0\n");
        try (StubApi a = StubApi.start(StubApi.Variant.plain("stub-a")); StubApi b = StubApi.start(StubApi.Variant.plain("stub-b"))) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url(), file.toString(), "--load", "--rounds", "3",
                    "--duration", "500ms", "--warmup", "0s", "-c", "2", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode load = new ObjectMapper().readTree(run.out()).get("load");
            assertThat(load.get("targets").asInt()).isEqualTo(2);
            assertThat(load.get("leftOut").asInt()).isEqualTo(1);
            assertThat(load.get("trials")).hasSize(3);
            assertThat(load.get("trials").get(0).get("order").toString()).isEqualTo("[\"old\",\"new\"]");
            assertThat(load.get("trials").get(1).get("order").toString()).isEqualTo("[\"new\",\"old\"]");
            assertThat(load.get("throughputPerSecond").get("ratio").get("method").asText()).isEqualTo("pairedRounds");
            assertThat(load.get("throughputPerSecond").get("verdict").asText()).isIn("faster", "slower", "same", "unsure");
            assertThat(List.of(run.err().split("\n"))).filteredOn(l -> l.startsWith("round ")).hasSize(6);
        }
    }

    @Test
    void loadAtARateUsesTheOpenModel() throws IOException {
        Path file = dir.resolve("requests.txt");
        Files.writeString(file, "GET /json\n");
        try (StubApi a = StubApi.start(StubApi.Variant.plain("stub-a")); StubApi b = StubApi.start(StubApi.Variant.plain("stub-b"))) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url(), file.toString(), "--load", "--rate", "200", "--rounds", "3",
                    "--order", "shuffled", "--seed", "42", "--duration", "500ms", "--warmup", "0s", "-c", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Load (--load): open model at 200 req/s, 3 rounds of 500ms (warm-up 0s) per backend,"
                    + " order shuffled (seed 42)").contains("new/old req/s: ");
        }
        CliRun alone = CliRun.of("diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", "--rate", "200");
        assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(alone.err()).startsWith("stackbench: --rate (200.0) applies to --load only; add --load to drive the requests at that rate\n");
    }

    @Test
    void fewerThanThreeRoundsAreRefused() {
        CliRun run = CliRun.of("diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", "--load", "--rounds", "2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).startsWith("stackbench: --rounds (2) must be >= 3: a verdict needs 3 paired rounds\n");
    }
}
