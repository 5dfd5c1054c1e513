package dev.stackbench.analysis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiffAnalyzerTest {

    private static Response json(int status, String body, String server) {
        return new Response.Answered(status, Map.of("Content-Type", List.of("application/json; charset=utf-8"), "Server", List.of(server),
                "Date", List.of("Tue, 01 Dec 2026 22:00:0" + (server.length() % 10) + " GMT"),
                "Content-Length", List.of(Integer.toString(body.length()))), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String user(int id, String requestId) {
        return "{\"id\":" + id + ",\"name\":\"User " + id + "\",\"requestId\":\"" + requestId + "\"}";
    }

    @Test
    void serverDateAndContentLengthOfEqualJsonAreIgnoredByDefault() {
        Response a = json(200, "{\"message\":\"Hello, World!\"}", "express");
        Response b = json(200, "{ \"message\": \"Hello, World!\" }", "fastify");
        assertThat(new ResponseDiff(DiffSettings.DEFAULTS).compare(a, b)).isEmpty();
        DiffSettings all = new DiffSettings(java.util.Set.of("*"), java.util.Set.of("date", "server"), List.of(), false, false, false);
        assertThat(new ResponseDiff(all).compare(a, b)).isEmpty();
        Response c = json(200, "{\"message\":\"Hello\"}", "fastify");
        assertThat(new ResponseDiff(all).compare(a, c)).extracting(Difference::location)
                .containsExactly("$.message", "header content-length");
    }

    @Test
    void requestsOfAScenarioKindAreGroupedUnderTheKindWhateverTheirTemplateValuesAndItsNoiseStaysItsOwn() {
        Endpoint users = Endpoint.kind("users", "GET", "/api/users/{random:1..10000}");
        Endpoint other = Endpoint.kind("users-v2", "GET", "/v2/users/{random:1..10000}");
        List<Exchange> ex = new ArrayList<>();
        for (int id : new int[] {17, 4242, 9001}) {
            String a = user(id, "r" + id);
            ex.add(new Exchange("GET", "/api/users/" + id, json(200, a, "a"), json(200, a.replace("User", "Member"), "b"),
                    Optional.of(json(200, user(id, "s" + id), "a")), users));
            ex.add(new Exchange("GET", "/v2/users/" + id, json(200, a, "a"), json(200, user(id, "t" + id), "b"),
                    Optional.of(json(200, a, "a")), other));
        }
        DiffReport r = new DiffAnalyzer(DiffSettings.DEFAULTS, 3).analyze(ex);
        assertThat(r.endpoints()).containsOnlyKeys(users, other).containsEntry(users, 3).containsEntry(other, 3);
        assertThat(users).hasToString("users: GET /api/users/{random:1..10000}");
        // $.requestId is noise for users (old and old2 differ there), not for users-v2
        assertThat(r.noise()).extracting(LearnedNoise::endpoint, LearnedNoise::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(users, "$.requestId"));
        assertThat(r.groups()).extracting(DiffGroup::endpoint, DiffGroup::location, DiffGroup::affected)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(users, "$.name", 3),
                        org.assertj.core.groups.Tuple.tuple(other, "$.requestId", 3));
        assertThat(r.groups().stream().filter(g -> g.endpoint().equals(users)).findFirst().orElseThrow().examples())
                .extracting(DiffGroup.Example::target).containsExactly("/api/users/17", "/api/users/4242", "/api/users/9001");
    }

    @Test
    void differencesAreGroupedByEndpointTemplateAndPathWithTheirShare() {
        List<Exchange> ex = new ArrayList<>();
        for (int id = 1; id <= 10; id++) {
            String a = user(id, "x");
            String b = id <= 2 ? a.replace("User " + id, "user " + id) : a;
            ex.add(new Exchange("GET", "/api/users/" + id, json(200, a, "a"), json(200, b, "b"), Optional.empty()));
        }
        ex.add(new Exchange("GET", "/api/users/0", json(404, "{\"error\":\"User not found\"}", "a"),
                json(500, "{\"error\":\"User not found\"}", "b"), Optional.empty()));
        DiffReport r = new DiffAnalyzer(DiffSettings.DEFAULTS, 3).analyze(ex);
        assertThat(r.requests()).isEqualTo(11);
        assertThat(r.differing()).isEqualTo(3);
        assertThat(r.endpoints()).containsEntry(new Endpoint("GET", "/api/users/{id}"), 11);
        assertThat(r.groups()).hasSize(2);
        DiffGroup name = r.groups().get(0);
        assertThat(name.location()).isEqualTo("$.name");
        assertThat(name.affected()).isEqualTo(2);
        assertThat(name.share()).isEqualTo(2.0 / 11);
        assertThat(name.examples()).containsExactly(new DiffGroup.Example("/api/users/1", "$.name", "\"User 1\"", "\"user 1\""),
                new DiffGroup.Example("/api/users/2", "$.name", "\"User 2\"", "\"user 2\""));
        assertThat(r.groups().get(1).kind()).isEqualTo(Difference.Kind.STATUS);
        assertThat(r.groups().get(1).examples().get(0)).isEqualTo(new DiffGroup.Example("/api/users/0", "status", "404", "500"));
    }

    @Test
    void aFieldThatDiffersBetweenOldAndOld2IsLearnedAsNoiseAndLeftOut() {
        List<Exchange> ex = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            String neuName = id == 4 ? "Someone" : "User " + id;
            ex.add(new Exchange("GET", "/api/users/" + id, json(200, user(id, "a" + id), "a"),
                    json(200, user(id, "c" + id).replace("User " + id, neuName), "b"), Optional.of(json(200, user(id, "b" + id), "a"))));
        }
        DiffReport r = new DiffAnalyzer(DiffSettings.DEFAULTS, 3).analyze(ex);
        assertThat(r.noise()).containsExactly(new LearnedNoise(new Endpoint("GET", "/api/users/{id}"), "$.requestId", 5, 5,
                "\"a1\" vs \"b1\""));
        assertThat(r.groups()).singleElement().satisfies(g -> {
            assertThat(g.location()).isEqualTo("$.name");
            assertThat(g.affected()).isEqualTo(1);
        });
        // without old2 the request id is a difference of every request
        List<Exchange> noOld2 = ex.stream().map(e -> new Exchange(e.method(), e.target(), e.old(), e.neu(), Optional.empty())).toList();
        DiffReport plain = new DiffAnalyzer(DiffSettings.DEFAULTS, 3).analyze(noOld2);
        assertThat(plain.learnedNoise()).isFalse();
        assertThat(plain.differing()).isEqualTo(5);
    }

    @Test
    void endpointsCollapseIntegersOnly() {
        assertThat(Endpoint.of("GET", "/api/users/10001")).hasToString("GET /api/users/{id}");
        assertThat(Endpoint.of("GET", "/api/users/-1")).hasToString("GET /api/users/{id}");
        assertThat(Endpoint.of("GET", "/api/users/abc")).hasToString("GET /api/users/abc");
        assertThat(Endpoint.of("GET", "/io?ms=10")).hasToString("GET /io?ms={n}");
        assertThat(Endpoint.of("GET", "/io?ms=abc")).hasToString("GET /io?ms=abc");
        assertThat(Endpoint.of("POST", "/orders/12/items/3")).hasToString("POST /orders/{id}/items/{id}");
    }

    @Test
    void specErrorBodiesLeaveTheMessageFreeButNotTheStatusOrTheErrorMember() {
        DiffSettings spec = new DiffSettings(java.util.Set.of("content-type"), java.util.Set.of("date", "server"), List.of(), false, false, true);
        Response express = json(400, "{\"error\":\"id must be an integer\"}", "a");
        Response fastify = json(400, "{\"statusCode\":400,\"code\":\"FST_ERR_VALIDATION\",\"error\":\"Bad Request\",\"message\":\"x\"}", "b");
        assertThat(new ResponseDiff(spec).compare(express, fastify)).isEmpty();
        assertThat(new ResponseDiff(DiffSettings.DEFAULTS).compare(express, fastify)).extracting(Difference::location)
                .containsExactly("$.error", "$.code", "$.message", "$.statusCode");
        assertThat(new ResponseDiff(spec).compare(express, json(422, "{\"detail\":[]}", "b"))).extracting(Difference::location).first()
                .isEqualTo("status");
        assertThat(new ResponseDiff(spec).compare(express, json(400, "{\"message\":\"x\"}", "b"))).isNotEmpty();
        assertThat(new ResponseDiff(spec).compare(json(200, "{\"error\":\"a\"}", "a"), json(200, "{\"error\":\"b\"}", "b"))).isNotEmpty();
    }

    @Test
    void otherBodiesCompareByteForByteOrByLengthAndChosenHeadersAreCompared() {
        Response a = new Response.Answered(200, Map.of("Content-Type", List.of("text/html"), "ETag", List.of("\"1\"")),
                "<p>Hello</p>".getBytes(StandardCharsets.UTF_8));
        Response b = new Response.Answered(200, Map.of("content-type", List.of("text/html"), "etag", List.of("\"2\"")),
                "<p>Hallo</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(new ResponseDiff(DiffSettings.DEFAULTS).compare(a, b)).containsExactly(new Difference(Difference.Kind.BODY, "body",
                "12 bytes: <p>Hello</p>", "12 bytes, first difference at byte 4: <p>Hallo</p>"));
        DiffSettings lengthAndEtag = new DiffSettings(java.util.Set.of("content-type", "etag"), java.util.Set.of("date", "server"),
                List.of(), false, true, false);
        assertThat(new ResponseDiff(lengthAndEtag).compare(a, b))
                .containsExactly(new Difference(Difference.Kind.HEADER, "header etag", "\"1\"", "\"2\""));
        Response json = json(200, "{}", "a");
        Response html = new Response.Answered(200, Map.of("Content-Type", List.of("text/html")), "<p>".getBytes(StandardCharsets.UTF_8));
        assertThat(new ResponseDiff(DiffSettings.DEFAULTS).compare(json, html)).extracting(Difference::location)
                .containsExactly("body", "header content-type");
    }

    @Test
    void aMissingResponseIsADifference() {
        Exchange e = new Exchange("GET", "/json", json(200, "{}", "a"), new Response.Failed("no response within 10s"), Optional.empty());
        DiffReport r = new DiffAnalyzer(DiffSettings.DEFAULTS, 3).analyze(List.of(e));
        assertThat(r.groups()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Difference.Kind.NO_RESPONSE);
            assertThat(g.examples().get(0).neu()).isEqualTo("no response within 10s");
        });
    }
}
