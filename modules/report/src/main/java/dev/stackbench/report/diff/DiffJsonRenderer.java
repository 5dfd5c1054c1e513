package dev.stackbench.report.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.diff.DiffGroup;
import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.Endpoint;
import dev.stackbench.analysis.diff.LearnedNoise;
import dev.stackbench.analysis.diff.LoadRound;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine format of a diff: {@code "format": "stackbench-diff"}, {@code "formatVersion": 1},
 * then {@code old}, {@code old2}, {@code new}, {@code requestSource}, {@code requests},
 * {@code differing}, {@code equivalent}, {@code compared}, {@code endpoints}, {@code differences},
 * {@code noise} and {@code load} (docs/diff.md). Numbers are plain ({@code Locale.ROOT}); shares
 * and ratios rounded to 4 decimals, rates to 0.1/s, latencies to 0.1 µs.
 */
public final class DiffJsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void render(DiffView v, PrintWriter out) {
        DiffReport r = v.report();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "stackbench-diff");
        root.put("formatVersion", 1);
        root.put("old", v.old());
        root.put("old2", v.old2().orElse(null));
        root.put("new", v.neu());
        root.put("requestSource", v.requestSource());
        root.put("requests", r.requests());
        root.put("differing", r.differing());
        root.put("equivalent", r.equivalent());
        Map<String, Object> compared = new LinkedHashMap<>();
        compared.put("headers", List.copyOf(r.settings().compareHeaders()));
        compared.put("ignoredHeaders", List.copyOf(r.settings().ignoreHeaders()));
        compared.put("ignoredPaths", r.settings().ignorePaths().stream().map(Object::toString).toList());
        compared.put("ignoreArrayOrder", r.settings().ignoreArrayOrder());
        compared.put("bodyLengthOnly", r.settings().bodyLengthOnly());
        compared.put("specErrorBodies", r.settings().specErrorBodies());
        root.put("compared", compared);
        List<Object> endpoints = new ArrayList<>();
        r.endpoints().forEach((e, n) -> endpoints.add(map("method", e.method(), "template", e.template(), "name", name(e),
                "requests", n)));
        root.put("endpoints", endpoints);
        List<Object> groups = new ArrayList<>();
        for (DiffGroup g : r.groups()) {
            Map<String, Object> m = map("method", g.endpoint().method(), "template", g.endpoint().template(), "name", name(g.endpoint()),
                    "kind", g.kind().name().toLowerCase(Locale.ROOT), "location", g.location(), "affected", g.affected(),
                    "endpointRequests", g.endpointRequests());
            m.put("share", round(g.share(), 4));
            m.put("examples", g.examples().stream().map(e -> map("target", e.target(), "location", e.location(), "old", e.old(),
                    "new", e.neu())).toList());
            groups.add(m);
        }
        root.put("differences", groups);
        List<Object> noise = new ArrayList<>();
        for (LearnedNoise n : r.noise()) {
            noise.add(map("method", n.endpoint().method(), "template", n.endpoint().template(), "name", name(n.endpoint()),
                    "location", n.location(),
                    "oldPairs", n.oldPairs(), "newSuppressed", n.newSuppressed(), "example", n.example()));
        }
        root.put("noise", r.learnedNoise() ? noise : null);
        root.put("load", v.load().map(DiffJsonRenderer::load).orElse(null));
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diff report that Jackson cannot write: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static Map<String, Object> load(DiffView.Load l) {
        Map<String, Object> m = map("description", l.description(), "mix", l.mix(), "targets", l.kinds().size(), "leftOut", l.leftOut());
        m.put("kinds", l.kinds().stream().map(k -> map("name", k.name(), "method", k.method(), "path", k.path(), "weight", k.weight())).toList());
        m.put("rounds", l.comparison().rounds());
        m.put("throughputPerSecond", judgement(l.comparison().throughput()));
        m.put("p99Micros", judgement(l.comparison().p99()));
        List<Object> trials = new ArrayList<>();
        for (int i = 0; i < l.old().size(); i++) {
            trials.add(map("round", l.old().get(i).round(), "order", l.orders().get(i), "old", round(l.old().get(i)), "new",
                    round(l.neu().get(i))));
        }
        m.put("trials", trials);
        return m;
    }

    /** @return a request kind's name, or null for an endpoint derived from its targets */
    private static String name(Endpoint e) {
        return e.name().isEmpty() ? null : e.name();
    }

    private static Map<String, Object> round(LoadRound r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("throughputPerSecond", round(r.throughputPerSecond(), 1));
        m.put("p99Micros", round(r.p99Micros(), 1));
        m.put("latencyCount", r.latencyCount());
        m.put("p99LowerBound", r.p99LowerBound());
        m.put("errorRate", round(r.errorRate(), 4));
        return m;
    }

    private static Map<String, Object> judgement(Judgement j) {
        Ratio r = j.ratio();
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("estimate", Double.isNaN(r.estimate()) ? null : round(r.estimate(), 4));
        ratio.put("low", r.interval().map(i -> round(i.low(), 4)).orElse(null));
        ratio.put("high", r.interval().map(i -> round(i.high(), 4)).orElse(null));
        ratio.put("n", r.n());
        ratio.put("method", switch (r.method()) {
            case PAIRED_ROUNDS -> "pairedRounds";
            case UNPAIRED -> "unpaired";
            case IDENTITY -> "identity";
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratio", ratio);
        m.put("verdict", j.verdict().name().toLowerCase(Locale.ROOT));
        m.put("reason", camel(j.reason().name()));
        return m;
    }

    private static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
