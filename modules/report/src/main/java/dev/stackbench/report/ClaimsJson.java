package dev.stackbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackbench.analysis.claims.Claim;
import dev.stackbench.analysis.claims.ClaimVerdict;
import dev.stackbench.analysis.claims.ClaimsReport;
import dev.stackbench.analysis.claims.Evidence;
import dev.stackbench.analysis.claims.Outcome;
import dev.stackbench.analysis.claims.Rule;
import java.util.List;
import java.util.Map;

/**
 * The Claims section for machines: {@code "format": "stackbench-claims"}, {@code "formatVersion": 1}.
 * {@code Locale.ROOT}, stable key order; spreads and ratios in the shapes of the analysis JSON
 * (docs/reports.md), rounded to 4 decimals.
 */
final class ClaimsJson {
    static final int FORMAT_VERSION = 1;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final JsonFigures fig = new JsonFigures(nodes);
    private final ObjectWriter writer;

    ClaimsJson() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        this.writer = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    String render(ClaimsReport r) {
        ObjectNode root = nodes.objectNode();
        root.put("format", "stackbench-claims");
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode run = root.putObject("run");
        run.put("suite", r.analysis().run().suite());
        run.put("status", JsonFigures.camel(r.analysis().run().status().name()));
        run.put("started", r.analysis().run().started().toString());
        root.put("catalogVersion", r.catalog().version());
        strings(root.putArray("caveats"), r.caveats());
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<Outcome, Long> e : r.counts().entrySet()) {
            counts.put(e.getKey().id(), e.getValue());
        }
        ArrayNode claims = root.putArray("claims");
        r.verdicts().forEach(v -> claims.add(verdict(v)));
        try {
            return writer.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode verdict(ClaimVerdict v) {
        Claim c = v.claim();
        ObjectNode o = nodes.objectNode();
        o.put("id", c.id());
        o.put("seed", c.seed());
        o.put("quote", c.quote());
        o.put("kind", c instanceof Claim.Measurable ? "measurable" : c instanceof Claim.Unmeasurable ? "notMeasurable"
                : "notPerformance");
        if (c instanceof Claim.Measurable m) {
            ObjectNode h = o.putObject("hypothesis");
            h.put("workload", m.workload());
            h.put("level", m.level());
            h.put("a", m.a());
            h.put("b", m.b());
            h.put("quantity", m.quantity().id());
            ObjectNode rule = h.putObject("rule");
            if (m.rule() instanceof Rule.Above above) {
                rule.put("above", above.threshold());
            } else if (m.rule() instanceof Rule.Within w) {
                rule.putArray("within").add(w.low()).add(w.high());
            }
            h.put("note", m.note());
        }
        o.put("verdict", v.outcome().id());
        o.put("reason", v.reason());
        ArrayNode evidence = o.putArray("evidence");
        v.evidence().forEach(e -> evidence.add(evidence(e)));
        strings(o.putArray("caveats"), v.caveats());
        strings(o.putArray("contradicts"), c.contradicts());
        strings(o.putArray("sides"), v.sides());
        return o;
    }

    private ObjectNode evidence(Evidence e) {
        ObjectNode o = nodes.objectNode();
        o.put("a", e.a());
        o.put("b", e.b());
        o.put("workload", e.workload());
        o.put("level", e.level().isEmpty() ? null : e.level());
        o.put("quantity", e.quantity().id());
        o.set("aValue", fig.spread(e.aValue(), 4));
        o.set("bValue", fig.spread(e.bValue(), 4));
        o.set("advantage", fig.ratio(e.advantage()));
        o.put("outcome", e.outcome().id());
        o.put("why", e.why().orElse(null));
        return o;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
