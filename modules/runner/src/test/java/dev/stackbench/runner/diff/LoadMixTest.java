package dev.stackbench.runner.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.diff.Exchange;
import dev.stackbench.analysis.diff.Response;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.RequestKind;
import dev.stackbench.runner.scenario.ScenarioFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code diff --load} drives, from what was replayed and what old answered. */
class LoadMixTest {
    private static Exchange answered(ReplayRequest r, int status) {
        Response a = new Response.Answered(status, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        return new Exchange(r.method(), r.target(), a, a, Optional.empty(), r.endpoint());
    }

    @Test
    void aRequestSetDrivesEachDistinctRequestOldAnswered2xxWithItsMethodHeadersAndBody() {
        ReplayRequest post = new ReplayRequest("POST", "/api/orders", List.of(new Header("Content-Type", "application/json")),
                "{\"item\":3}".getBytes(StandardCharsets.UTF_8));
        List<ReplayRequest> set = List.of(ReplayRequest.get("/json"), post, ReplayRequest.get("/json"), ReplayRequest.get("/api/users/0"));
        List<Exchange> replayed = List.of(answered(set.get(0), 200), answered(post, 201), answered(set.get(2), 200), answered(set.get(3), 404));
        LoadMix mix = LoadMix.of(set, replayed);
        assertThat(mix.kinds()).extracting(RequestKind::method, RequestKind::path, RequestKind::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/json", 1), org.assertj.core.groups.Tuple.tuple("POST", "/api/orders", 1));
        assertThat(new String(mix.kinds().get(1).body(), StandardCharsets.UTF_8)).isEqualTo("{\"item\":3}");
        assertThat(mix.kinds().get(1).headers()).containsExactly(new Header("Content-Type", "application/json"));
        assertThat(mix.leftOut()).isEqualTo(1);
        assertThat(mix.description()).isEqualTo("2 distinct requests of the set, each as often; 1 request(s) of the set left out"
                + " (not answered 2xx by old)");
    }

    @Test
    void aScenarioDrivesItsKindsByWeightLeavingOutTheOnesOldFailedOrThatWereNeverDrawn() {
        RequestKind users = new RequestKind("users", "GET", "/api/users/{random:1..10000}").withWeight(3);
        RequestKind orders = new RequestKind("orders", "POST", "/api/users/{random:1..9}/orders");
        RequestKind rare = new RequestKind("rare", "GET", "/rare");
        ScenarioFile scenario = new ScenarioFile(List.of(users, orders, rare), List.of(), null, List.of());
        List<ReplayRequest> set = ScenarioRequests.of(new ScenarioFile(List.of(users, orders), List.of(), null, List.of()), 3, 40);
        List<Exchange> replayed = new ArrayList<>();
        int failed = 0;
        int ordersDrawn = 0;
        for (ReplayRequest r : set) {
            boolean order = r.kind().orElseThrow().name().equals("orders");
            ordersDrawn += order ? 1 : 0;
            // old fails one order (the first one) of all drawn
            int status = order && failed++ == 0 ? 500 : 200;
            replayed.add(answered(r, status));
        }
        LoadMix mix = LoadMix.ofScenario(scenario.requests(), set, replayed);
        assertThat(mix.kinds()).containsExactly(users);
        assertThat(mix.leftOut()).isEqualTo(2);
        assertThat(mix.description()).isEqualTo("1 request kind: users ×3 (GET /api/users/{random:1..10000}); left out: orders (old answered 1 of its "
                + ordersDrawn + " requests with no 2xx), rare (not drawn among the 40 requests, so never checked; raise --count)");
    }

    @Test
    void scenarioRequestsKeepTheirKindAndLeaveTheClientsOwnHeadersToIt() {
        RequestKind k = new RequestKind("orders", "POST", "/o/{random:1..3}", List.of(new Header("Connection", "close"),
                new Header("Content-Type", "application/json")), "{}".getBytes(StandardCharsets.UTF_8), 1);
        List<ReplayRequest> set = ScenarioRequests.of(new ScenarioFile(List.of(k), List.of(), null, List.of()), 1, 5);
        assertThat(set).hasSize(5).allSatisfy(r -> {
            assertThat(r.target()).matches("/o/[123]");
            assertThat(r.headers()).containsExactly(new Header("Content-Type", "application/json"));
            assertThat(r.endpoint()).hasToString("orders: POST /o/{random:1..3}");
        });
        assertThat(ScenarioRequests.of(new ScenarioFile(List.of(k), List.of(), null, List.of()), 1, 5)).isEqualTo(set);
    }
}
