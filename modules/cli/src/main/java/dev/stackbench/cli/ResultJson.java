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
 * used, the pool and the generator's lag and steal.
 */
final class ResultJson {
    static final int FORMAT_VERSION = 2;
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
        }
        n.put("connections", s.connections());
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
