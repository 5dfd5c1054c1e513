package dev.stackbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackbench.analysis.Interval;
import dev.stackbench.analysis.advise.Advice;
import dev.stackbench.analysis.advise.Capacity;
import dev.stackbench.analysis.advise.ContestantAdvice;
import dev.stackbench.analysis.advise.Profile;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The advice for machines: {@code "format": "stackbench-advice"}, {@code "formatVersion": 1}.
 * {@code Locale.ROOT}, stable key order, {@code \n} line ends; rates in req/s (0.1), latencies in
 * µs, memory in bytes, money to 4 decimals, fractions to 4 decimals. Also the data of the HTML chart.
 */
final class AdviceJsonRenderer {
    static final int FORMAT_VERSION = 1;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    String render(Advice a) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        ObjectWriter writer = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(indenter).withArrayIndenter(indenter));
        try {
            return writer.writeValueAsString(tree(a)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode tree(Advice a) {
        ObjectNode root = nodes.objectNode();
        root.put("format", "stackbench-advice");
        root.put("formatVersion", FORMAT_VERSION);
        root.set("profile", profile(a.profile()));
        ArrayNode runs = root.putArray("runs");
        a.runs().forEach(runs::add);
        root.set("ranked", contestants(a.ranked()));
        root.set("cannotMeet", contestants(a.cannotMeet()));
        root.set("notMeasurable", contestants(a.notMeasurable()));
        ArrayNode sensitivity = root.putArray("sensitivity");
        for (Advice.Scenario s : a.sensitivity()) {
            ObjectNode o = sensitivity.addObject();
            o.put("change", JsonFigures.camel(s.change().name()));
            o.put("peakPerSecond", JsonFigures.round(s.profile().peakPerSecond(), 1));
            o.put("p99TargetMicros", s.profile().p99TargetMicros());
            ArrayNode ranked = o.putArray("ranked");
            for (ContestantAdvice c : s.ranked()) {
                ObjectNode r = ranked.addObject();
                r.put("contestant", c.contestant().id());
                r.put("cores", c.fit().orElseThrow().cores());
                r.put("costPerMonth", JsonFigures.round(c.fit().orElseThrow().costPerMonth(), 4));
            }
            ArrayNode cannot = o.putArray("cannotMeet");
            s.cannotMeet().forEach(cannot::add);
        }
        ArrayNode curve = root.putArray("costByTarget");
        for (Advice.TargetPoint p : a.costByTarget()) {
            ObjectNode o = curve.addObject();
            o.put("p99TargetMicros", p.targetMicros());
            ArrayNode costs = o.putArray("costs");
            for (Advice.ContestantCost c : p.costs()) {
                ObjectNode x = costs.addObject();
                x.put("contestant", c.contestant());
                x.put("costPerMonth", c.fit().map(fit -> JsonFigures.round(fit.costPerMonth(), 4)).orElse(null));
                x.put("cores", c.fit().map(ContestantAdvice.Fit::cores).orElse(null));
            }
        }
        ArrayNode notes = root.putArray("notes");
        a.notes().forEach(notes::add);
        return root;
    }

    private ObjectNode profile(Profile p) {
        ObjectNode o = nodes.objectNode();
        ObjectNode mix = o.putObject("mix");
        p.mix().forEach(s -> mix.put(s.workload(), JsonFigures.round(s.fraction(), 4)));
        o.put("ioMillis", p.ioMillis());
        if (p.realtime().isPresent()) {
            ObjectNode r = o.putObject("realtime");
            r.put("connections", p.realtime().get().connections());
            r.put("messagesPerSecond", p.realtime().get().messagesPerSecond());
        } else {
            o.putNull("realtime");
        }
        o.put("peakPerSecond", JsonFigures.round(p.peakPerSecond(), 1));
        o.put("p99TargetMicros", p.p99TargetMicros());
        o.put("errorBudget", JsonFigures.round(p.errorBudget(), 4));
        o.put("headroom", JsonFigures.round(p.headroom(), 4));
        ObjectNode prices = o.putObject("prices");
        prices.put("coreHour", p.prices().coreHour());
        prices.put("gibHour", p.prices().gibHour());
        prices.put("currency", p.prices().currency());
        prices.put("examples", p.prices().examples());
        prices.put("hoursPerMonth", Profile.HOURS_PER_MONTH);
        ArrayNode team = o.putArray("team");
        p.languages().forEach(team::add);
        ArrayNode needs = o.putArray("needs");
        for (Profile.Need n : p.needs()) {
            ObjectNode x = needs.addObject();
            x.put("id", n.id());
            x.put("weight", n.weight());
            ArrayNode favours = x.putArray("favours");
            n.favours().forEach(favours::add);
            x.put("source", n.source());
        }
        o.put("sameCostWithin", JsonFigures.round(p.sameCostWithin(), 4));
        return o;
    }

    private ArrayNode contestants(List<ContestantAdvice> list) {
        ArrayNode out = nodes.arrayNode();
        for (ContestantAdvice c : list) {
            ObjectNode o = out.addObject();
            o.put("contestant", c.contestant().id());
            o.put("language", c.contestant().language());
            o.put("rank", c.rank() == 0 ? null : c.rank());
            o.put("tiedOnCostWithAbove", c.tiedOnCostWithAbove());
            if (c.fit().isPresent()) {
                ContestantAdvice.Fit f = c.fit().get();
                ObjectNode fit = o.putObject("fit");
                fit.put("perCorePerSecond", JsonFigures.round(f.perCore(), 1));
                interval(fit, f.bounds());
                fit.put("estimated", f.estimated());
                fit.put("lowerBound", f.lowerBound());
                fit.put("cores", f.cores());
                fit.put("memoryBytes", f.memoryBytes());
                fit.put("coreCostPerMonth", JsonFigures.round(f.coreCostPerMonth(), 4));
                fit.put("memoryCostPerMonth", JsonFigures.round(f.memoryCostPerMonth(), 4));
                fit.put("costPerMonth", JsonFigures.round(f.costPerMonth(), 4));
            } else {
                o.putNull("fit");
            }
            ArrayNode needs = o.putArray("needs");
            for (ContestantAdvice.NeedScore n : c.needs()) {
                ObjectNode x = needs.addObject();
                x.put("id", n.id());
                x.put("weight", n.weight());
                x.put("met", n.met());
            }
            o.put("score", c.score());
            o.put("form", c.mixForm() ? "mix" : "perWorkload");
            ArrayNode workloads = o.putArray("workloads");
            c.workloads().forEach(w -> workloads.add(workload(w)));
        }
        return out;
    }

    private ObjectNode workload(ContestantAdvice.WorkloadCapacity w) {
        ObjectNode o = nodes.objectNode();
        o.put("workload", w.workload());
        o.put("share", JsonFigures.round(w.fraction(), 4));
        Capacity c = w.capacity();
        if (c instanceof Capacity.Measured m) {
            o.put("capacity", "measured");
            o.put("perCorePerSecond", JsonFigures.round(m.perCore(), 1));
            interval(o, m.interval());
            o.put("offeredPerSecond", JsonFigures.round(m.offeredPerSecond(), 1));
            o.put("serverCores", m.serverCores());
            o.put("p99Micros", m.p99Micros());
            o.put("p99HighMicros", m.p99HighMicros());
            o.put("missedAbovePerCorePerSecond", m.missedAbovePerCore().map(r -> JsonFigures.round(r, 1)).orElse(null));
            o.put("rssPeakBytes", m.rssPeakBytes());
            o.put("noInterval", m.noInterval());
            if (!m.kinds().isEmpty()) {
                ArrayNode kinds = o.putArray("kinds");
                for (Capacity.KindP99 k : m.kinds()) {
                    ObjectNode x = kinds.addObject();
                    x.put("kind", k.kind());
                    x.put("share", JsonFigures.round(k.share(), 4));
                    x.put("p99Micros", k.p99Micros());
                    x.put("lowerBound", k.lowerBound());
                    x.put("values", k.values());
                    x.put("supported", k.supported());
                }
            }
        } else if (c instanceof Capacity.Estimated e) {
            o.put("capacity", "estimatedFromClosedModel");
            o.put("perCorePerSecond", JsonFigures.round(e.perCore(), 1));
            interval(o, e.interval());
            o.put("connections", e.connections());
            o.put("serverCores", e.serverCores());
            o.put("p99Micros", e.p99Micros());
            o.put("rssPeakBytes", e.rssPeakBytes());
        } else if (c instanceof Capacity.Unmet u) {
            o.put("capacity", "cannotMeet");
            o.put("bestP99Micros", u.bestP99Micros());
            o.put("bestP99HighMicros", u.bestP99HighMicros());
            o.put("atPerSecond", JsonFigures.round(u.atPerSecond(), 1));
            o.put("lowerBound", u.lowerBound());
            o.put("measuredLevels", u.measuredLevels());
        } else if (c instanceof Capacity.NotMeasurable n) {
            o.put("capacity", "notMeasurable");
            o.put("reason", n.reason());
        }
        return o;
    }

    private static void interval(ObjectNode o, Optional<Interval> i) {
        o.put("low", i.map(x -> JsonFigures.round(x.low(), 1)).orElse(null));
        o.put("high", i.map(x -> JsonFigures.round(x.high(), 1)).orElse(null));
    }
}
