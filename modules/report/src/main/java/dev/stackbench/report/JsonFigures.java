package dev.stackbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackbench.analysis.AaNoise;
import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.CellKey;
import dev.stackbench.analysis.Drift;
import dev.stackbench.analysis.GeneratorSteal;
import dev.stackbench.analysis.Exclusion;
import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.analysis.Ratio;
import dev.stackbench.analysis.Spread;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.Run;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes of the analysis's figures, shared by the report and the comparison: a spread
 * {@code {median, min, max, low, high, n, cv}}, a percentile (a spread plus {@code minCount,
 * supported, lowerBound}), a ratio {@code {estimate, low, high, n, method}}, exclusions, the drift
 * reference, a level, a cell key. Rounding as {@link JsonRenderer} states.
 */
final class JsonFigures {
    private final JsonNodeFactory nodes;

    JsonFigures(JsonNodeFactory nodes) {
        this.nodes = nodes;
    }

    ArrayNode exclusions(List<Exclusion> excluded) {
        ArrayNode out = nodes.arrayNode();
        for (Exclusion e : excluded) {
            ObjectNode o = out.addObject();
            o.put("trial", e.trial());
            o.put("round", e.round());
            ArrayNode reasons = o.putArray("reasons");
            e.reasons().forEach(reasons::add);
        }
        return out;
    }

    ObjectNode percentile(PercentileFigure p) {
        ObjectNode o = spread(p.value(), 1);
        o.put("minCount", p.minCount());
        o.put("supported", p.supported());
        o.put("lowerBound", p.lowerBound());
        return o;
    }

    ObjectNode ratio(Ratio r) {
        ObjectNode o = nodes.objectNode();
        o.put("estimate", Double.isNaN(r.estimate()) ? null : round(r.estimate(), 4));
        o.put("low", r.interval().map(i -> round(i.low(), 4)).orElse(null));
        o.put("high", r.interval().map(i -> round(i.high(), 4)).orElse(null));
        o.put("n", r.n());
        o.put("method", camel(r.method().name()));
        return o;
    }

    JsonNode drift(Analysis a) {
        if (a.drift().isEmpty()) {
            return nodes.nullNode();
        }
        Drift d = a.drift().get();
        ObjectNode o = nodes.objectNode();
        o.put("measurements", d.measurements());
        o.set("throughputPerSecond", spread(d.throughput(), 1));
        o.put("threshold", d.threshold());
        o.put("exceeded", d.exceeded());
        return o;
    }

    ArrayNode aa(Analysis a) {
        ArrayNode pairs = nodes.arrayNode();
        for (AaNoise n : AaNoise.of(a)) {
            ObjectNode o = pairs.addObject();
            o.put("contestant", n.original().contestant());
            o.put("twin", n.original().contestant() + Contestant.AA_SUFFIX);
            o.put("workload", n.original().workload());
            o.set("level", level(n.original().level()));
            o.put("rankBy", lower(n.rankBy().name()));
            o.set("ratio", ratio(n.ratio()));
            o.put("differs", n.differs());
        }
        return pairs;
    }

    JsonNode steal(Run run) {
        return GeneratorSteal.of(run).<JsonNode>map(g -> {
            ObjectNode o = nodes.objectNode();
            o.put("trials", g.trials());
            o.put("median", round(g.median(), 4));
            o.put("max", round(g.max(), 4));
            return o;
        }).orElse(nodes.nullNode());
    }

    ObjectNode spread(Spread s, int decimals) {
        ObjectNode o = nodes.objectNode();
        o.put("median", round(s.median(), decimals));
        o.put("min", round(s.min(), decimals));
        o.put("max", round(s.max(), decimals));
        o.put("low", s.interval().map(i -> round(i.low(), decimals)).orElse(null));
        o.put("high", s.interval().map(i -> round(i.high(), decimals)).orElse(null));
        o.put("n", s.n());
        o.put("cv", round(s.cv(), 4));
        return o;
    }

    ObjectNode level(LoadLevel level) {
        ObjectNode o = nodes.objectNode();
        o.put("label", level.label());
        if (level instanceof LoadLevel.Closed c) {
            o.put("model", "closed");
            o.put("connections", c.connections());
        } else if (level instanceof LoadLevel.Open op) {
            o.put("model", "open");
            o.put("ratePerSecond", op.ratePerSecond());
        } else if (level instanceof LoadLevel.Fanout f) {
            o.put("model", "fanout");
            o.put("subscribers", f.subscribers());
            o.put("publishPerSecond", f.publishPerSecond());
        }
        return o;
    }

    void key(ObjectNode o, CellKey k) {
        o.put("contestant", k.contestant());
        o.put("workload", k.workload());
        o.put("level", k.level().label());
    }

    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    static String lower(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    /** @return {@code GENERATOR_BOUND} -> {@code generatorBound} */
    static String camel(String enumName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : enumName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
