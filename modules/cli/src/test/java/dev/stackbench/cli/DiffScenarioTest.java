package dev.stackbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stackbench diff --scenario}: a load scenario's mix as the request set, and as {@code --load}'s mix. */
@Timeout(60)
class DiffScenarioTest {
    private static final String MIX = """
            requests:
              - name: json
                path: /json
                weight: 2
              - path: /api/users/{random:1..10000}
                weight: 3
              - name: orders
                method: POST
                path: /api/users/{random:1..1000}/orders
                headers: {Content-Type: application/json}
                body: '{"item": 3}'
                weight: 1
            """;

    @TempDir
    Path dir;

    private Path scenario(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aScenarioIsDrawnOnceReplayedAlikeAndTheChangedKindIsReportedWithItsCounts() throws IOException {
        Path file = scenario("mix.yaml", MIX + "stages:\n  - rate: 100\n    duration: 1s\nthresholds: [p99<50ms]\n");
        try (ScenarioStub a = new ScenarioStub("created"); ScenarioStub a2 = new ScenarioStub("created");
             ScenarioStub b = new ScenarioStub("accepted")) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--old2", a2.url(), "--new", b.url(), "--scenario", file.toString(),
                    "--count", "60", "--seed", "7");
            assertThat(run.err()).isEqualTo("note: scenario file '" + file + "': its stages and thresholds are for stackbench load;"
                    + " diff replays its requests and, with --load, drives them with -c or --rate\n");
            assertThat(run.exitCode()).isEqualTo(ExitCode.DIFFERENT.code());

            // the same 60 concrete requests, in the same order, reached old, old2 and new
            List<ScenarioStub.Received> sent = a.replayed();
            assertThat(sent).hasSize(60);
            assertThat(a2.replayed()).isEqualTo(sent);
            assertThat(b.replayed()).isEqualTo(sent);
            List<ScenarioStub.Received> posts = sent.stream().filter(r -> r.method().equals("POST")).toList();
            long users = sent.stream().filter(r -> r.method().equals("GET") && r.target().matches("/api/users/\\d+")).count();
            long json = sent.stream().filter(r -> r.target().equals("/json")).count();
            assertThat(posts.size() + users + json).isEqualTo(60);
            assertThat(posts).isNotEmpty().allSatisfy(p -> {
                assertThat(p.target()).matches("/api/users/\\d+/orders");
                assertThat(Integer.parseInt(p.target().split("/")[3])).isBetween(1, 1000);
                assertThat(p.body()).isEqualTo("{\"item\": 3}");
                assertThat(p.contentType()).isEqualTo("application/json");
            });
            assertThat(sent.stream().filter(r -> r.target().startsWith("/api/users/") && r.method().equals("GET")).map(ScenarioStub.Received::target)
                    .distinct().count()).as("template values drawn per request").isGreaterThan(users / 2);

            // one difference: the orders kind's $.status, on every one of its requests; the other kinds alike
            int p = posts.size();
            assertThat(run.out()).contains("requests: 60 from scenario " + file + " (3 kinds by weight, seed 7), on 3 endpoints")
                    .contains("DIFFERENT: " + p + " of 60 requests (" + String.format(java.util.Locale.ROOT, "%.1f", 100.0 * p / 60)
                            + "%) differ, in 1 place on 1 endpoint")
                    .contains("  orders: POST /api/users/{random:1..1000}/orders  (" + p + " request" + (p == 1 ? "" : "s") + ")\n"
                            + "    value at $.status: " + p + " of " + p + " requests (100.0%)\n")
                    .contains(posts.get(0).target() + "  $.status  old: \"created\"")
                    .contains("Noise learned from old vs old2: none");

            CliRun again = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--scenario", file.toString(), "--count", "60",
                    "--seed", "7", "--format", "json");
            assertThat(a.replayed().subList(60, 120)).as("the same seed draws the same requests").isEqualTo(sent);
            JsonNode root = new ObjectMapper().readTree(again.out());
            assertThat(root.get("differences")).hasSize(1);
            JsonNode d = root.get("differences").get(0);
            assertThat(d.get("name").asText()).isEqualTo("orders");
            assertThat(d.get("template").asText()).isEqualTo("/api/users/{random:1..1000}/orders");
            assertThat(d.get("location").asText()).isEqualTo("$.status");
            assertThat(d.get("affected").asInt()).isEqualTo(p);
            assertThat(d.get("endpointRequests").asInt()).isEqualTo(p);
            assertThat(root.get("endpoints").findValuesAsText("name")).containsExactlyInAnyOrder("json", "users", "orders");
            assertThat(root.get("endpoints").findValues("requests").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(60);

            CliRun other = CliRun.of("diff", "--old", a.url(), "--new", a2.url(), "--scenario", file.toString(), "--count", "60",
                    "--seed", "8");
            assertThat(other.exitCode()).isZero();
            assertThat(a.replayed().subList(120, 180)).as("another seed, other requests").isNotEqualTo(sent);
        }
    }

    @Test
    void loadDrivesTheScenarioMixWithItsMethodsBodiesAndWeights() throws IOException {
        Path file = scenario("post.yaml", """
                requests:
                  - name: orders
                    method: POST
                    path: /api/users/{random:1..1000}/orders
                    headers: {Content-Type: application/json}
                    body: '{"item": 3}'
                    weight: 3
                  - name: json
                    path: /json
                """);
        try (ScenarioStub a = new ScenarioStub("created"); ScenarioStub b = new ScenarioStub("created")) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--scenario", file.toString(), "--count", "20",
                    "--load", "--rounds", "3", "--duration", "400ms", "--warmup", "0s", "-c", "2", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode load = new ObjectMapper().readTree(run.out()).get("load");
            assertThat(load.get("kinds").findValuesAsText("name")).containsExactly("orders", "json");
            assertThat(load.get("kinds").findValuesAsText("weight")).containsExactly("3", "1");
            assertThat(load.get("leftOut").asInt()).isZero();
            assertThat(load.get("trials")).hasSize(3);
            for (ScenarioStub stub : List.of(a, b)) {
                assertWeights(stub.received().stream().filter(ScenarioStub.Received::fromLoadGenerator).toList());
            }
        }
    }

    @Test
    void loadAtARateDrivesTheMixInTheOpenModel() throws IOException {
        Path file = scenario("post.yaml", """
                requests:
                  - method: POST
                    path: /api/users/{random:1..1000}/orders
                    body: '{"item": 3}'
                    weight: 3
                  - path: /json
                  - name: missing
                    path: /nowhere
                arrivals: poisson
                """);
        try (ScenarioStub a = new ScenarioStub("created"); ScenarioStub b = new ScenarioStub("created")) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--scenario", file.toString(), "--count", "40",
                    "--load", "--rate", "500", "--rounds", "3", "--duration", "500ms", "--warmup", "0s", "-c", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Load (--load): open model at 500 req/s (Poisson arrivals), 3 rounds of 500ms (warm-up 0s) per backend")
                    .containsPattern("2 request kinds by weight: orders ×3 \\(POST /api/users/\\{random:1\\.\\.1000}/orders\\), json ×1 \\(GET /json\\);"
                            + " left out: missing \\(old answered \\d+ of its \\d+ requests with no 2xx\\)\n");
            for (ScenarioStub stub : List.of(a, b)) {
                List<ScenarioStub.Received> load = stub.received().stream().filter(ScenarioStub.Received::fromLoadGenerator).toList();
                assertThat(load).noneMatch(r -> r.target().equals("/nowhere"));
                assertWeights(load);
            }
        }
    }

    @Test
    void loadWithNothingOldAnswered2xxIsOneLine() throws IOException {
        Path file = scenario("missing.yaml", "requests:\n  - name: missing\n    path: /nowhere/{random:1..5}\n");
        try (ScenarioStub a = new ScenarioStub("created"); ScenarioStub b = new ScenarioStub("created")) {
            CliRun run = CliRun.of("diff", "--old", a.url(), "--new", b.url(), "--scenario", file.toString(), "--count", "3", "--load");
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("stackbench: --load has nothing to drive: the old backend answered no request of the set with a 2xx"
                    + " (no request kind; left out: missing (old answered 3 of its 3 requests with no 2xx));"
                    + " give requests it answers, e.g. GET /json\n");
            assertThat(a.received()).noneMatch(ScenarioStub.Received::fromLoadGenerator);
        }
    }

    /** POSTs of the orders kind are 3/4 of the load, within 4 standard deviations of the binomial; each as the scenario says. */
    private static void assertWeights(List<ScenarioStub.Received> load) {
        int n = load.size();
        assertThat(n).as("requests the load generator sent").isGreaterThan(100);
        List<ScenarioStub.Received> posts = load.stream().filter(r -> r.method().equals("POST")).toList();
        double share = (double) posts.size() / n;
        assertThat(share).as("share of POSTs in %d requests", n).isCloseTo(0.75, org.assertj.core.data.Offset.offset(4 * Math.sqrt(0.75 * 0.25 / n)));
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.target()).matches("/api/users/\\d+/orders");
            assertThat(Integer.parseInt(p.target().split("/")[3])).isBetween(1, 1000);
            assertThat(p.body()).isEqualTo("{\"item\": 3}");
        });
        assertThat(load).filteredOn(r -> r.method().equals("GET")).extracting(ScenarioStub.Received::target).containsOnly("/json");
        assertThat(posts.stream().map(ScenarioStub.Received::target).distinct().count()).as("template values drawn per request")
                .isGreaterThan(Math.min(posts.size(), 1000) / 4);
    }

    @Test
    void aMalformedScenarioIsOneLineNamingTheFileTheKeyAndTheValue() throws IOException {
        String[] backends = {"diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", "--scenario"};
        Path typo = scenario("typo.yaml", "requests:\n  - path: /json\n    wieght: 2\n");
        assertThat(run(backends, typo.toString())).isEqualTo("stackbench: scenario file '" + typo
                + "': unknown field 'requests[0].wieght'; expected one of name, method, path, headers, body, weight");
        Path template = scenario("template.yaml", "requests:\n  - path: /api/users/{random:10..1}\n");
        assertThat(run(backends, template.toString())).isEqualTo("stackbench: scenario file '" + template
                + "': requests[0].path: path '/api/users/{random:10..1}' has the template '{random:10..1}';"
                + " expected {random:MIN..MAX} with 0 <= MIN <= MAX, e.g. {random:1..10000}");
        Path weight = scenario("weight.yaml", "requests:\n  - path: /json\n    weight: nine\n");
        assertThat(run(backends, weight.toString())).isEqualTo("stackbench: scenario file '" + weight
                + "': requests[0].weight is \"nine\"; expected a whole number >= 1");
        Path empty = scenario("empty.yaml", "requests: []\n");
        assertThat(run(backends, empty.toString())).startsWith("stackbench: scenario file '" + empty + "': requests");

        assertThat(run(new String[] {"diff", "--old", "http://127.0.0.1:1", "--new", "http://127.0.0.1:2", "--count", "5"}))
                .isEqualTo("stackbench: --count (5) applies to --scenario only: add --scenario FILE, or drop --count");
        assertThat(run(backends, typo.toString(), "--count", "0")).isEqualTo("stackbench: --count (0) must be >= 1");
        assertThat(run(backends, typo.toString(), "requests.txt")).isEqualTo("stackbench: REQUESTS ('requests.txt') and --scenario ('"
                + typo + "') cannot be used together: give one source of requests");
    }

    /**
     * @return the one line of standard error (besides picocli's usage hint) of a run that must fail
     *         with exit 2 and print nothing on standard output
     */
    private static String run(String[] args, String... more) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.out()).isEmpty();
        String line = run.err().lines().findFirst().orElseThrow();
        assertThat(run.err()).isIn(line + "\n", line + "\nTry 'stackbench diff --help' for usage.\n");
        return line;
    }
}
