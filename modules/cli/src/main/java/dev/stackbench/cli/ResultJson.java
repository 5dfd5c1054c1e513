package dev.stackbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackbench.loadgen.ErrorCounts;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.Warmup;
import dev.stackbench.results.Errors;
import dev.stackbench.results.Percentiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The machine-readable result of {@code stackbench load --json}: the spec, the environment and
 * every measured figure. Times in microseconds or seconds as the field names say. Format
 * version {@value #FORMAT_VERSION}; version 2 added the censored values, success/error latency, unsent, warm-up
 * used, the pool and the generator's lag and steal; version 3 the request kinds (spec and results per kind), the
 * seed, the arrivals, the rate stages (spec and results per stage), the thresholds and whether the run was aborted.
 */
final class ResultJson {
    static final int FORMAT_VERSION = 3;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(LoadResult r, Path file) throws IOException {
        mapper.writeValue(file.toFile(), toJson(r));
    }

    ObjectNode toJson(LoadResult r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("tool", "stackbench load");
        root.set("spec", spec(r.spec()));
        root.set("environment", mapper.valueToTree(r.environment()));
        ObjectNode result = root.putObject("result");
        result.put("measuredSeconds", r.measuredSeconds());
        result.put("requests", r.requests());
        result.put("requestsPerSecond", r.throughput());
        result.put("bytesRead", r.bytesRead());
        result.put("warmupSeconds", r.warmupSeconds());
        result.put("warmupEnd", r.warmupEnd().name().toLowerCase(java.util.Locale.ROOT));
        result.put("achievedFraction", r.achievedFraction());
        result.put("serverBehindSchedule", r.serverBehindSchedule());
        result.put("unsent", r.unsent());
        ObjectNode connection = result.putObject("connection");
        connection.put("protocol", r.connection().protocol());
        connection.put("streams", r.connection().streams());
        connection.put("tlsProvider", r.connection().tlsProvider());
        connection.put("tlsVersion", r.connection().tlsVersion());
        connection.put("h2Declined", r.connection().h2Declined());
        connection.set("tlsHandshakeMicros", mapper.valueToTree(r.connection().handshake()));
        // the same shapes as the trials of run.json
        result.set("latencyMicros", mapper.valueToTree(Percentiles.of(r.latencyHistogram())));
        result.put("latencyCount", r.latency().count());
        ObjectNode censored = result.putObject("censored");
        censored.put("count", r.censored());
        censored.put("timeouts", r.censored() - r.unsent());
        censored.put("unsent", r.unsent());
        censored.put("firstCensoredRank", r.latency().firstCensoredRank());
        ArrayNode bounds = censored.putArray("lowerBoundPercentiles");
        for (double p : new double[] {50, 75, 90, 99, 99.9, 99.99, 100}) {
            if (r.latency().isLowerBound(p)) {
                bounds.add(p);
            }
        }
        result.set("successLatencyMicros", mapper.valueToTree(Percentiles.of(r.successHistogram())));
        result.put("successCount", r.successLatency().count());
        result.set("errorLatencyMicros", mapper.valueToTree(Percentiles.of(r.errorHistogram())));
        result.put("errorCount", r.errorLatency().count());
        result.set("serviceTimeMicros", mapper.valueToTree(Percentiles.of(r.serviceHistogram())));
        ErrorCounts e = r.errors();
        result.set("errors", mapper.valueToTree(new Errors(e.connect(), e.read(), e.write(), e.timeout(), e.statusByCode())));
        ArrayNode timeline = result.putArray("timeline");
        for (IntervalSample s : r.timeline()) {
            ObjectNode n = timeline.addObject();
            n.put("startSeconds", s.startSeconds());
            n.put("lengthSeconds", s.lengthSeconds());
            n.put("requests", s.requests());
            n.put("errors", s.errors());
            n.put("p99Micros", s.p99Micros());
        }
        ArrayNode kinds = result.putArray("kinds");
        for (dev.stackbench.loadgen.KindResult k : r.kinds()) {
            ObjectNode n = kinds.addObject();
            n.put("name", k.name());
            n.put("weight", k.weight());
            n.put("requests", k.requests());
            n.put("requestsPerSecond", k.throughput());
            n.put("unsent", k.unsent());
            n.set("latencyMicros", mapper.valueToTree(Percentiles.of(k.latencyHistogram())));
            n.put("latencyCount", k.latency().count());
            n.put("censored", k.latency().censored());
            n.put("successCount", k.successLatency().count());
            n.put("errorCount", k.errorLatency().count());
            ErrorCounts ke = k.errors();
            n.set("errors", mapper.valueToTree(new Errors(ke.connect(), ke.read(), ke.write(), ke.timeout(), ke.statusByCode())));
            n.put("errorRate", k.errorRate());
        }
        ArrayNode stages = result.putArray("stages");
        for (dev.stackbench.loadgen.StageResult st : r.stages()) {
            ObjectNode n = stages.addObject();
            n.put("startSeconds", st.startSeconds());
            n.put("lengthSeconds", st.lengthSeconds());
            n.put("fromPerSecond", st.stage().fromPerSecond());
            n.put("toPerSecond", st.stage().toPerSecond());
            n.put("targetPerSecond", st.targetPerSecond());
            n.put("requests", st.requests());
            n.put("achievedPerSecond", st.achievedPerSecond());
            n.put("achievedFraction", st.achievedFraction());
            n.put("errors", st.errors());
            n.put("latencyCount", st.latency().count());
            n.put("censored", st.latency().censored());
            ObjectNode l = n.putObject("latencyMicros");
            l.put("p50", st.latency().p50Micros());
            l.put("p90", st.latency().p90Micros());
            l.put("p99", st.latency().p99Micros());
            l.put("p999", st.latency().p999Micros());
            l.put("max", st.latency().maxMicros());
        }
        ArrayNode thresholds = result.putArray("thresholds");
        for (dev.stackbench.loadgen.ThresholdResult t : r.thresholds()) {
            ObjectNode n = thresholds.addObject();
            n.put("threshold", t.threshold().toString());
            n.put("kind", t.threshold().kind());
            n.put("metric", t.threshold().metric().label());
            n.put("op", t.threshold().op().symbol());
            n.put("bound", t.threshold().bound());
            if (Double.isNaN(t.actual())) {
                n.putNull("actual");
            } else {
                n.put("actual", t.actual());
            }
            n.put("lowerBound", t.lowerBound());
            n.put("passed", t.passed());
        }
        result.put("thresholdsPassed", r.thresholdsPassed());
        result.put("aborted", r.aborted());
        root.set("generator", health(r.health()));
        return root;
    }

    private ObjectNode spec(LoadSpec s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("target", s.target().toString());
        n.put("method", s.method());
        n.put("model", s.model() instanceof LoadModel.Open ? "open" : "closed");
        if (s.model() instanceof LoadModel.Open open) {
            n.put("ratePerSecond", open.ratePerSecond());
            n.put("arrivals", open.arrivals().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode stages = n.putArray("stages");
            for (dev.stackbench.loadgen.RateStage st : open.stages()) {
                ObjectNode o = stages.addObject();
                o.put("fromPerSecond", st.fromPerSecond());
                o.put("toPerSecond", st.toPerSecond());
                o.put("seconds", st.length().toNanos() / 1e9);
            }
        }
        n.put("seed", s.seed());
        ArrayNode requests = n.putArray("requests");
        for (dev.stackbench.loadgen.RequestKind k : s.requests()) {
            ObjectNode o = requests.addObject();
            o.put("name", k.name());
            o.put("method", k.method());
            o.put("path", k.path());
            o.put("weight", k.weight());
            o.put("bodyBytes", k.body().length);
            ArrayNode h = o.putArray("headers");
            k.headers().forEach(x -> h.add(x.name() + ": " + x.value()));
        }
        ArrayNode thresholds = n.putArray("thresholds");
        s.thresholds().forEach(t -> thresholds.add(t.toString()));
        n.put("abortOnFail", s.abortOnFail());
        n.put("connections", s.connections());
        n.put("http2", s.http2());
        n.put("streams", s.streams());
        n.put("insecure", s.insecure());
        n.put("tlsProvider", s.tlsProvider().label());
        n.put("maxConnections", s.maxConnections());
        n.put("threads", s.threads());
        n.put("durationSeconds", s.duration().toNanos() / 1e9);
        if (s.warmup() instanceof Warmup.Fixed f) {
            n.put("warmupSeconds", f.length().toNanos() / 1e9);
        } else {
            Warmup.UntilStable u = (Warmup.UntilStable) s.warmup();
            ObjectNode w = n.putObject("warmupUntilStable");
            w.put("minSeconds", u.min().toNanos() / 1e9);
            w.put("capSeconds", u.cap().toNanos() / 1e9);
            w.put("sampleSeconds", u.sample().toNanos() / 1e9);
            w.put("samples", u.samples());
            w.put("maxCv", u.maxCv());
        }
        n.put("timeoutSeconds", s.timeout().toNanos() / 1e9);
        n.put("resolutionSeconds", s.resolution().toNanos() / 1e9);
        n.put("bodyBytes", s.body().length);
        ArrayNode headers = n.putArray("headers");
        s.headers().forEach(h -> headers.add(h.name() + ": " + h.value()));
        return n;
    }

    private ObjectNode health(GeneratorHealth h) {
        ObjectNode n = mapper.createObjectNode();
        n.put("cpuSeconds", h.cpuSeconds());
        n.put("cpusAvailable", h.cpusAvailable());
        n.put("processCpuUtilization", h.processCpuUtilization());
        n.put("loopCpuUtilization", h.loopCpuUtilization());
        n.put("targetRate", h.targetRate());
        n.put("achievedRate", h.achievedRate());
        n.put("sends", h.sends());
        n.put("lateSends", h.lateSends());
        n.put("queuedSends", h.queuedSends());
        n.put("maxSendLagMicros", h.maxSendLagMicros());
        n.put("sendLagP99Micros", h.sendLagP99Micros());
        n.put("hiccupP99Micros", h.hiccupP99Micros());
        n.put("hiccupMaxMicros", h.hiccupMaxMicros());
        n.put("stealFraction", h.stealFraction());
        n.put("connectionCap", h.connectionCap());
        n.put("peakConnections", h.peakConnections());
        n.put("cappedSends", h.cappedSends());
        n.put("connectionLimited", h.connectionLimited());
        n.put("bound", h.bound());
        ArrayNode w = n.putArray("warnings");
        h.warnings().forEach(w::add);
        return n;
    }
}
