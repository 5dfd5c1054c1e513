package dev.stackbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackbench.analysis.FanoutFigures;
import dev.stackbench.analysis.ConnectionScaling;
import dev.stackbench.analysis.Inflation;
import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.Cell;
import dev.stackbench.analysis.CellComparison;
import dev.stackbench.analysis.Comparison;
import dev.stackbench.analysis.Flag;
import dev.stackbench.analysis.Judgement;
import dev.stackbench.analysis.LatencyCurve;
import dev.stackbench.analysis.PercentileFigure;
import dev.stackbench.analysis.RankedCell;
import dev.stackbench.analysis.SeedComparison;
import dev.stackbench.analysis.Spread;
import dev.stackbench.analysis.Unranked;
import dev.stackbench.analysis.WorkloadTable;
import dev.stackbench.results.Contestant;
import dev.stackbench.results.ContestantStatus;
import dev.stackbench.results.Environment;
import dev.stackbench.results.Run;
import java.util.Locale;

/**
 * The analysed view for machines ({@code "format": "stackbench-analysis"} or
 * {@code "stackbench-comparison"}, {@code "formatVersion": 2}). {@code Locale.ROOT}, stable key
 * order, {@code \n} line ends. Figures are rounded: rates to 0.1/s, latencies to 0.1 µs, ratios and
 * fractions to 4 decimals. Units are in the key names; latencies are microseconds.
 */
final class JsonRenderer {
    static final int FORMAT_VERSION = 2;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final JsonFigures fig = new JsonFigures(nodes);
    private final ObjectWriter writer;

    JsonRenderer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        this.writer = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    String render(Analysis a) {
        return write(tree(a));
    }

    /** @return the analysis as a JSON tree; also the data the HTML report's charts read */
    ObjectNode tree(Analysis a) {
        ObjectNode root = nodes.objectNode();
        root.put("format", "stackbench-analysis");
        root.put("formatVersion", FORMAT_VERSION);
        root.set("run", run(a.run()));
        root.set("settings", settings(a.settings()));
        root.set("drift", fig.drift(a));
        root.set("generatorSteal", fig.steal(a.run()));
        root.set("aaPairs", fig.aa(a));
        ArrayNode contestants = root.putArray("contestants");
        a.run().contestants().forEach(c -> contestants.add(contestant(c)));
        ArrayNode tables = root.putArray("tables");
        for (WorkloadTable t : a.tables()) {
            ObjectNode table = tables.addObject();
            table.put("workload", t.workload());
            table.set("level", fig.level(t.level()));
            table.put("rankBy", JsonFigures.lower(t.rankBy().name()));
            ArrayNode rows = table.putArray("rows");
            t.rows().forEach(r -> rows.add(row(r)));
            ArrayNode unranked = table.putArray("unranked");
            for (Unranked u : t.unranked()) {
                ObjectNode o = unranked.addObject();
                o.put("contestant", u.key().contestant());
                o.put("trials", u.trials().size());
                o.set("excluded", fig.exclusions(u.excluded()));
            }
        }
        a.seed().ifPresent(s -> root.set("seedTable", seed(s)));
        if (!a.realtime().isEmpty()) {
            ArrayNode realtime = root.putArray("realtime");
            for (FanoutFigures x : a.realtime()) {
                ObjectNode o = realtime.addObject();
                fig.key(o, x.cell().key());
                o.put("subscribers", x.level().subscribers());
                o.put("publishPerSecond", x.level().publishPerSecond());
                o.set("deliveriesPerSecond", fig.spread(x.cell().throughput(), 1));
                o.set("deliveryP50Micros", fig.percentile(x.cell().p50()));
                o.set("deliveryP99Micros", fig.percentile(x.cell().p99()));
                o.set("lastSubscriberP50Micros", fig.percentile(x.lastSubscriberP50()));
                o.set("lastSubscriberMaxMicros", fig.spread(x.lastSubscriberMax(), 0));
                o.put("published", x.published());
                o.put("owed", x.owed());
                o.put("missing", x.missing());
                o.put("connectErrors", x.connectErrors());
                o.set("cpuCores", fig.spread(x.cell().cpuCores(), 3));
                if (x.memoryPerConnectionBytes().isPresent()) {
                    o.set("memoryPerConnectionBytes", fig.spread(x.memoryPerConnectionBytes().get(), 0));
                } else {
                    o.putNull("memoryPerConnectionBytes");
                }
            }
        }
        if (!a.blocking().isEmpty()) {
            ArrayNode blocking = root.putArray("blocking");
            for (Inflation i : a.blocking()) {
                ObjectNode o = blocking.addObject();
                o.put("contestant", i.contestant());
                o.set("level", fig.level(i.level()));
                o.put("cpuPercent", i.cpuPercent());
                o.set("jsonP99AloneMicros", fig.percentile(i.alone().p99()));
                o.set("jsonP99MixedMicros", fig.percentile(i.mixed().p99()));
                o.set("inflation", fig.ratio(i.inflation()));
                o.put("supported", i.supported());
            }
        }
        if (!a.connectionScaling().isEmpty()) {
            ArrayNode scaling = root.putArray("connectionScaling");
            for (ConnectionScaling cs : a.connectionScaling()) {
                ObjectNode o = scaling.addObject();
                o.put("contestant", cs.contestant());
                o.put("workload", cs.workload());
                ArrayNode points = o.putArray("points");
                for (ConnectionScaling.Point p : cs.points()) {
                    ObjectNode po = points.addObject();
                    po.put("connections", p.connections());
                    po.set("throughputPerSecond", fig.spread(p.throughput(), 1));
                    po.put("p99Micros", Math.round(p.p99Micros()));
                    po.put("p99LowerBound", p.p99Censored());
                    po.put("errorRate", p.errorRate());
                    po.put("memoryBytes", Math.round(p.memoryBytes()));
                    po.put("trials", p.trials().size());
                }
                if (cs.memoryPerConnection().isPresent()) {
                    o.set("memoryPerConnectionBytes", fig.spread(cs.memoryPerConnection().get(), 0));
                } else {
                    o.putNull("memoryPerConnectionBytes");
                }
            }
        }
        ArrayNode curves = root.putArray("latencyCurves");
        for (LatencyCurve c : a.curves()) {
            ObjectNode curve = curves.addObject();
            fig.key(curve, c.key());
            curve.put("source", JsonFigures.lower(c.source().name()));
            curve.put("maxMicros", c.maxMicros());
            ArrayNode points = curve.putArray("points");
            c.points().forEach(p -> points.addArray().add(p.percentile()).add(p.valueMicros()));
        }
        return root;
    }

    String compare(Comparison c) {
        ObjectNode root = nodes.objectNode();
        root.put("format", "stackbench-comparison");
        root.put("formatVersion", FORMAT_VERSION);
        root.set("a", run(c.a().run()));
        root.set("b", run(c.b().run()));
        root.set("settings", settings(c.settings()));
        root.set("driftA", fig.drift(c.a()));
        root.set("driftB", fig.drift(c.b()));
        ArrayNode differences = root.putArray("differences");
        c.differences().forEach(differences::add);
        ArrayNode cells = root.putArray("cells");
        for (CellComparison x : c.cells()) {
            ObjectNode cell = cells.addObject();
            fig.key(cell, x.key());
            ObjectNode throughput = cell.putObject("throughputPerSecond");
            throughput.set("a", fig.spread(x.a().throughput(), 1));
            throughput.set("b", fig.spread(x.b().throughput(), 1));
            judgement(throughput, x.throughput(), c.settings());
            ObjectNode p99 = cell.putObject("p99Micros");
            p99.set("a", fig.percentile(x.a().p99()));
            p99.set("b", fig.percentile(x.b().p99()));
            judgement(p99, x.p99(), c.settings());
        }
        ArrayNode onlyInA = root.putArray("onlyInA");
        c.onlyInA().forEach(k -> fig.key(onlyInA.addObject(), k));
        ArrayNode onlyInB = root.putArray("onlyInB");
        c.onlyInB().forEach(k -> fig.key(onlyInB.addObject(), k));
        return write(root);
    }

    private ObjectNode run(Run run) {
        ObjectNode o = nodes.objectNode();
        o.put("schemaVersion", run.schemaVersion());
        o.put("suite", run.suite());
        o.put("status", JsonFigures.lower(run.status().name()));
        o.put("started", run.started().toString());
        o.put("finished", run.finished().toString());
        o.put("trialsPerCell", run.plan().trials());
        o.put("rounds", run.plan().rounds());
        o.put("shuffleSeed", run.plan().shuffleSeed());
        o.put("warmupSeconds", run.plan().warmup().toMillis() / 1000.0);
        o.put("warmupCapSeconds", run.plan().warmupCap().toMillis() / 1000.0);
        o.put("trialSeconds", run.plan().trialDuration().toMillis() / 1000.0);
        Environment e = run.environment();
        ObjectNode env = o.putObject("environment");
        env.put("cpuModel", e.cpuModel());
        env.put("cores", e.cores());
        env.put("os", e.os());
        env.put("kernel", e.kernel());
        env.put("javaVersion", e.javaVersion());
        env.put("nodeVersion", e.nodeVersion());
        env.put("pythonVersion", e.pythonVersion());
        env.put("generatorCpus", e.generatorCpus());
        env.put("serverCpus", e.serverCpus());
        env.put("databaseCpus", e.databaseCpus());
        env.put("hostname", e.hostname());
        return o;
    }

    private ObjectNode settings(AnalysisSettings s) {
        ObjectNode o = nodes.objectNode();
        o.put("confidence", Spread.CONFIDENCE);
        o.put("noisyCv", s.noisyCv());
        o.put("sameWithin", s.sameWithin());
        o.put("saturatedBelow", s.saturatedBelow());
        o.put("maxErrorRate", s.maxErrorRate());
        o.put("driftCv", s.driftCv());
        o.put("minTrialsForVerdict", s.minTrialsForVerdict());
        o.put("percentileValuesBeyond", PercentileFigure.VALUES_BEYOND);
        return o;
    }

    private ObjectNode contestant(Contestant c) {
        ObjectNode o = nodes.objectNode();
        o.put("id", c.id());
        o.put("name", c.name());
        o.put("language", c.language());
        o.put("framework", c.framework());
        o.put("frameworkVersion", c.frameworkVersion());
        o.put("runtime", c.runtime());
        o.put("runtimeVersion", c.runtimeVersion());
        o.put("variant", c.variant());
        o.put("workers", c.workers());
        o.put("status", state(c.status()));
        o.put("statusText", c.status().describe());
        o.put("restarts", c.restarts());
        o.put("startupMillis", c.startupMillis());
        o.put("idleRssBytes", c.idleRssBytes());
        return o;
    }

    /** @return the same names as run.json's {@code status.state} */
    private static String state(ContestantStatus s) {
        if (s instanceof ContestantStatus.FailedVerification) {
            return "failedVerification";
        }
        if (s instanceof ContestantStatus.NotInstalled) {
            return "notInstalled";
        }
        if (s instanceof ContestantStatus.FailedToStart) {
            return "failedToStart";
        }
        if (s instanceof ContestantStatus.Crashed) {
            return "crashed";
        }
        return "measured";
    }

    private ObjectNode row(RankedCell r) {
        Cell c = r.cell();
        ObjectNode o = nodes.objectNode();
        o.put("rank", r.rank());
        o.put("tiedWithAbove", r.tiedWithAbove());
        o.put("contestant", c.key().contestant());
        o.put("language", c.contestant().language());
        o.set("ratioToBest", fig.ratio(r.ratioToBest()));
        ArrayNode nd = o.putArray("notDistinguishableFrom");
        r.notDistinguishableFrom().forEach(nd::add);
        o.put("trials", c.trials().size());
        o.put("rankedTrials", c.ranked().size());
        o.set("excluded", fig.exclusions(c.excluded()));
        o.set("throughputPerSecond", fig.spread(c.throughput(), 1));
        o.set("achievedRatePerSecond", fig.spread(c.achievedRate(), 1));
        ObjectNode lat = o.putObject("latencyMicros");
        lat.set("p50", fig.percentile(c.p50()));
        lat.set("p90", fig.percentile(c.p90()));
        lat.set("p99", fig.percentile(c.p99()));
        lat.set("p999", fig.percentile(c.p999()));
        lat.set("mean", fig.spread(c.meanLatency(), 1));
        if (c.serviceP99() == null) {
            o.putNull("serviceTimeP99Micros");
        } else {
            o.set("serviceTimeP99Micros", fig.spread(c.serviceP99(), 1));
        }
        o.put("errors", c.errors());
        o.put("errorRate", JsonFigures.round(c.errorRate(), 4));
        o.put("unsent", c.unsent());
        o.put("cpuCores", JsonFigures.round(c.cpuCores().median(), 2));
        o.set("cpuCoresSpread", fig.spread(c.cpuCores(), 2));
        if (c.databaseCpuCores() == null) {
            o.putNull("databaseCpuCores");
        } else {
            o.set("databaseCpuCores", fig.spread(c.databaseCpuCores(), 2));
        }
        ArrayNode sources = o.putArray("monitorSources");
        c.monitorSources().forEach(sources::add);
        o.put("rssMeanBytes", c.rssMeanBytes());
        o.put("rssPeakBytes", c.rssPeakBytes());
        ArrayNode bound = o.putArray("generatorBoundTrials");
        c.generatorBoundTrials().forEach(bound::add);
        ArrayNode flags = o.putArray("flags");
        for (Flag f : Flag.values()) {
            if (c.has(f)) {
                flags.add(JsonFigures.camel(f.name()));
            }
        }
        return o;
    }

    private ObjectNode seed(SeedComparison s) {
        ObjectNode o = nodes.objectNode();
        o.put("article", s.article().source());
        o.put("caption", s.article().caption());
        o.put("workload", s.article().workload());
        if (s.level().isPresent()) {
            o.set("level", fig.level(s.level().get()));
        } else {
            o.putNull("level");
        }
        o.put("note", s.note().orElse(null));
        ArrayNode rows = o.putArray("rows");
        for (SeedComparison.SeedRow r : s.rows()) {
            ObjectNode row = rows.addObject();
            row.put("framework", r.article().label());
            row.put("articleRequestsPerSecond", r.article().requestsPerSecond());
            row.put("articleAvgLatencyMillis", r.article().avgLatencyMillis());
            row.put("contestant", r.measured().map(c -> c.key().contestant()).orElse(null));
            if (r.measured().isPresent()) {
                Cell c = r.measured().get();
                row.set("throughputPerSecond", fig.spread(c.throughput(), 1));
                row.put("meanLatencyMicros", JsonFigures.round(c.meanLatency().median(), 1));
                row.set("p99Micros", fig.percentile(c.p99()));
            }
            row.put("missing", r.missing().orElse(null));
        }
        ArrayNode ratios = o.putArray("ratios");
        for (SeedComparison.SeedRatio r : s.ratios()) {
            ObjectNode ratio = ratios.addObject();
            ratio.put("faster", r.article().faster());
            ratio.put("slower", r.article().slower());
            ratio.put("article", r.article().articleRatio());
            if (r.measured().isPresent()) {
                ratio.set("measured", fig.ratio(r.measured().get()));
            } else {
                ratio.putNull("measured");
            }
            ratio.put("articleInsideInterval", r.articleInside().orElse(null));
            ratio.put("deviation", r.deviation().map(v -> JsonFigures.round(v, 4)).orElse(null));
        }
        return o;
    }

    private void judgement(ObjectNode o, Judgement j, AnalysisSettings settings) {
        o.set("ratio", fig.ratio(j.ratio()));
        o.put("verdict", JsonFigures.lower(j.verdict().name()));
        o.put("reason", JsonFigures.camel(j.reason().name()));
        o.put("trialsA", j.trialsA());
        o.put("trialsB", j.trialsB());
        o.put("whyNoVerdict", j.whyNoVerdict(settings.minTrialsForVerdict()).orElse(null));
    }

    private String write(ObjectNode root) {
        try {
            return writer.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

}
