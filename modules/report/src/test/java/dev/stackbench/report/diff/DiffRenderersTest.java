package dev.stackbench.report.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.diff.DiffAnalyzer;
import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.DiffSettings;
import dev.stackbench.analysis.diff.Endpoint;
import dev.stackbench.analysis.diff.Exchange;
import dev.stackbench.analysis.diff.LoadComparison;
import dev.stackbench.analysis.diff.LoadRound;
import dev.stackbench.analysis.diff.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The three diff formats of one known report (a renamed field, a changed status, learned noise,
 * six load rounds), sealed by golden files under {@code src/test/resources/golden/diff/}, and the
 * same under another default locale. Update with {@code -Dstackbench.golden.update=true}.
 */
class DiffRenderersTest {
    private static final boolean UPDATE = Boolean.getBoolean("stackbench.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/diff");

    private static Response json(int status, String body) {
        return new Response.Answered(status, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
    }

    static DiffView view() {
        List<Exchange> ex = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            String a = "{\"id\":" + id + ",\"name\":\"User " + id + "\",\"at\":\"t" + id + "\"}";
            String b = id == 2 ? a.replace("User 2", "user 2") : a.replace("\"t" + id, "\"u" + id);
            ex.add(new Exchange("GET", "/api/users/" + id, json(200, a), json(200, b), Optional.of(json(200, a.replace("\"t" + id, "\"v" + id)))));
        }
        ex.add(new Exchange("GET", "/api/users/0", json(404, "{\"error\":\"User not found\"}"), json(500, "{\"error\":\"boom\"}"),
                Optional.of(json(404, "{\"error\":\"User not found\"}"))));
        // two requests drawn from one scenario kind: grouped under the kind, whatever their template values
        Endpoint ordersKind = Endpoint.kind("orders", "POST", "/api/users/{random:1..1000}/orders");
        for (int id : new int[] {417, 23}) {
            ex.add(new Exchange("POST", "/api/users/" + id + "/orders", json(201, "{\"user\":" + id + ",\"status\":\"created\"}"),
                    json(201, "{\"user\":" + id + ",\"status\":\"accepted\"}"), Optional.of(json(201, "{\"user\":" + id + ",\"status\":\"created\"}")),
                    ordersKind));
        }
        DiffReport report = new DiffAnalyzer(DiffSettings.DEFAULTS, 3).analyze(ex);
        List<LoadRound> old = new ArrayList<>();
        List<LoadRound> neu = new ArrayList<>();
        double[] drift = {1.0, 0.9, 1.1, 0.8, 1.05, 0.95};
        double[] noise = {1.01, 0.99, 1.02, 0.98, 1.0, 1.01};
        for (int r = 0; r < 6; r++) {
            old.add(new LoadRound(r + 1, 10_000 * drift[r], 4_000 / drift[r], 50_000, false, 0));
            neu.add(new LoadRound(r + 1, 15_000 * drift[r] * noise[r], 3_000 / drift[r], 75_000, false, 0.001));
        }
        List<List<String>> orders = new ArrayList<>();
        for (int r = 1; r <= 6; r++) {
            orders.add(r % 2 == 1 ? List.of("old", "new") : List.of("new", "old"));
        }
        DiffView.Load load = new DiffView.Load("closed model, 50 connections, 6 rounds of 5s (warm-up 2s) per backend, order alternating",
                "4 distinct requests of the set, each as often; 1 request(s) of the set left out (not answered 2xx by old)",
                List.of(new DiffView.Kind("r1", "GET", "/api/users/1", 1), new DiffView.Kind("r2", "GET", "/api/users/2", 1),
                        new DiffView.Kind("r3", "GET", "/api/users/3", 1), new DiffView.Kind("r4", "GET", "/api/users/4", 1)),
                1, LoadComparison.of(old, neu, AnalysisSettings.DEFAULTS), old, neu, orders);
        return new DiffView("express (http://127.0.0.1:40001)", "fastify (http://127.0.0.1:40002)",
                Optional.of("express (http://127.0.0.1:40003)"), "requests.txt", report, Optional.of(load));
    }

    private static String render(BiConsumer<DiffView, PrintWriter> renderer) {
        StringWriter s = new StringWriter();
        renderer.accept(view(), new PrintWriter(s));
        return s.toString();
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("%s (update with -Dstackbench.golden.update=true)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void everyFormatMatchesItsGoldenUnderAnyDefaultLocale() throws IOException {
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : List.of(Locale.US, Locale.GERMANY, Locale.FRANCE)) {
                Locale.setDefault(l);
                golden("diff.txt", render(new DiffTextRenderer()::render));
                golden("diff.md", render(new DiffMarkdownRenderer()::render));
                golden("diff.json", render(new DiffJsonRenderer()::render));
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theTextSaysWhatDiffersWhatWasLearnedAndTheVerdict() {
        String text = render(new DiffTextRenderer()::render);
        assertThat(text).contains("DIFFERENT: 4 of 7 requests (57.1%) differ, in 4 places on 2 endpoints")
                .contains("  orders: POST /api/users/{random:1..1000}/orders  (2 requests)\n    value at $.status: 2 of 2 requests (100.0%)")
                .contains("GET /api/users/{id} at $.at: old and old2 differed in 4 of 5 requests")
                .contains("new/old req/s: 1.50× (95% CI ").contains(": faster");
    }
}
