package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Request mixes and path templates: pre-encoded, chosen by weight with a seeded random, reported per kind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MixTest {
    /** Chi-square critical values at p = 0.001 (a correct generator fails one run in a thousand). */
    private static final double CHI2_2DF = 13.82;
    private static final double CHI2_19DF = 43.82;

    private static double chiSquare(long[] observed, double[] expectedShare) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = n * expectedShare[i];
            chi += (observed[i] - e) * (observed[i] - e) / e;
        }
        return chi;
    }

    @Test
    void perKindCountsFollowTheWeightsAndMatchWhatTheServerSaw() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(1))) {
            List<RequestKind> mix = List.of(new RequestKind("a", "GET", "/a").withWeight(6),
                    new RequestKind("b", "GET", "/b?x=1").withWeight(3), new RequestKind("c", "GET", "/c").withWeight(1));
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).requests(mix).connections(8).threads(2)
                    .duration(Duration.ofSeconds(2)).build()).run(ProgressListener.NONE);

            assertThat(r.kinds()).extracting(KindResult::name).containsExactly("a", "b", "c");
            long[] counts = r.kinds().stream().mapToLong(k -> k.latency().count()).toArray();
            assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(r.latency().count()).isGreaterThan(500);
            assertThat(chiSquare(counts, new double[] {0.6, 0.3, 0.1})).as("chi-square of %s against 6:3:1", java.util.Arrays.toString(counts))
                    .isLessThan(CHI2_2DF);
            // every request the server got is in one kind's latency (no error, nothing in flight was lost)
            Map<String, Long> seen = stub.targets();
            assertThat(counts[0]).isEqualTo(seen.get("/a"));
            assertThat(counts[1]).isEqualTo(seen.get("/b?x=1"));
            assertThat(counts[2]).isEqualTo(seen.get("/c"));
            assertThat(r.kinds().stream().mapToLong(KindResult::requests).sum()).isEqualTo(r.requests());
            assertThat(r.kinds()).allSatisfy(k -> assertThat(k.errors().total()).isZero());
        }
    }

    @Test
    void perKindErrorsAndLatencyAreTheKindsOwn() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(20))) {
            // only the timeout tells the kinds apart here: kind "slow" has a timeout of... the same server;
            // a status error server would fail both, so check that the censored values go to their kind
            List<RequestKind> mix = List.of(new RequestKind("x", "GET", "/x"), new RequestKind("y", "GET", "/y"));
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/")).requests(mix).connections(2).threads(1)
                    .duration(Duration.ofSeconds(1)).build()).run(ProgressListener.NONE);
            for (KindResult k : r.kinds()) {
                assertThat(k.latency().p50Micros()).as(k.name()).isGreaterThanOrEqualTo(19_000);
                assertThat(k.successLatency().count()).isEqualTo(k.latency().count());
            }
        }
    }

    @Test
    void templatedValuesCoverTheRangeUniformly() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Behavior.Delay(0))) {
            LoadResult r = new LoadGenerator(LoadSpec.builder(stub.uri("/"))
                    .requests(List.of(new RequestKind("users", "GET", "/api/users/{random:1..20}/x")))
                    .connections(4).threads(1).duration(Duration.ofSeconds(2)).seed(42).build()).run(ProgressListener.NONE);

            Map<String, Long> seen = stub.targets();
            long[] counts = new long[20];
            double[] share = new double[20];
            for (int v = 1; v <= 20; v++) {
                counts[v - 1] = seen.getOrDefault("/api/users/" + v + "/x", 0L);
                share[v - 1] = 1.0 / 20;
            }
            assertThat(seen.keySet()).as("only values from 1 to 20").hasSize(20);
            assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(stub.requests()).isGreaterThan(1000);
            assertThat(chiSquare(counts, share)).as("chi-square, uniform over 1..20: %s", java.util.Arrays.toString(counts))
                    .isLessThan(CHI2_19DF);
            assertThat(r.errors().total()).isZero();
        }
    }

    @Test
    void encodingWritesTheDigitsInPlaceAndTheSameSeedGivesTheSameRequests() {
        LoadSpec spec = LoadSpec.builder(java.net.URI.create("http://127.0.0.1:8080/"))
                .requests(List.of(new RequestKind("u", "POST", "/u/{random:0..9}/{random:1000..1000}?q={random:5..7}",
                        List.of(new Header("Content-Type", "text/plain")), "hi".getBytes(StandardCharsets.UTF_8), 1))).build();
        EncodedRequests requests = new EncodedRequests(spec);
        ByteBuf out = Unpooled.buffer(requests.maxLength(), requests.maxLength());
        Map<String, Integer> firstLines = new HashMap<>();
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            requests.writeNext(out, a);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            assertThat(text).matches("POST /u/[0-9]/1000\\?q=[5-7] HTTP/1\\.1\r\nHost: 127\\.0\\.0\\.1:8080\r\n"
                    + "Content-Type: text/plain\r\nUser-Agent: stackbench\r\nContent-Length: 2\r\n\r\nhi");
            firstLines.merge(text.substring(0, text.indexOf(' ', 5)), 1, Integer::sum);
            requests.writeNext(out, b);
            assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(text);
        }
        assertThat(firstLines).hasSize(30); // 10 x 1 x 3 combinations, all drawn
        out.release();
    }

    @Test
    void malformedTemplatesAndNamesAreRejectedWithTheirText() {
        assertThatThrownBy(() -> new RequestKind("u", "GET", "/u/{random:9..1}")).hasMessage(
                "path '/u/{random:9..1}' has the template '{random:9..1}'; expected {random:MIN..MAX} with 0 <= MIN <= MAX, e.g. {random:1..10000}");
        assertThatThrownBy(() -> new RequestKind("u", "GET", "/u/{seq}")).hasMessage(
                "path '/u/{seq}' has the template '{seq}'; expected {random:MIN..MAX} with 0 <= MIN <= MAX, e.g. {random:1..10000}");
        assertThatThrownBy(() -> new RequestKind("u", "GET", "/u/{random:1..2")).hasMessage(
                "path '/u/{random:1..2' has an unmatched brace; expected templates of the form {random:MIN..MAX}, e.g. /api/users/{random:1..10000}");
        assertThatThrownBy(() -> new RequestKind("a b", "GET", "/")).hasMessage(
                "request name 'a b' must be letters, digits, '.', '_' or '-', e.g. json");
        assertThatThrownBy(() -> LoadSpec.builder(java.net.URI.create("http://h/"))
                .requests(List.of(new RequestKind("a", "GET", "/a"), new RequestKind("a", "GET", "/b"))).build())
                .hasMessage("request name 'a' is used twice: give each request its own name");
        assertThat(RequestKind.defaultName("/api/users/{random:1..10}")).isEqualTo("users");
        assertThat(RequestKind.defaultName("/cpu?n=10000")).isEqualTo("cpu");
        assertThat(RequestKind.defaultName("/")).isEqualTo("root");
    }
}
