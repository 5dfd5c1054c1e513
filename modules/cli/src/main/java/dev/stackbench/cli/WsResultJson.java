package dev.stackbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackbench.loadgen.GeneratorHealth;
import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.ws.Publisher;
import dev.stackbench.loadgen.ws.WsPattern;
import dev.stackbench.loadgen.ws.WsResult;
import dev.stackbench.loadgen.ws.WsSpec;
import dev.stackbench.results.Percentiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The machine-readable result of a WebSocket {@code stackbench load --json}: the spec, the
 * environment and every measured figure; times in microseconds or seconds as the field names say.
 * Format version {@value #FORMAT_VERSION}, tool {@code "stackbench load websocket"}.
 */
final class WsResultJson {
    static final int FORMAT_VERSION = 1;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(WsResult r, Path file) throws IOException {
        mapper.writeValue(file.toFile(), toJson(r));
    }

    ObjectNode toJson(WsResult r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("tool", "stackbench load websocket");
        root.set("spec", spec(r.spec()));
        root.set("environment", mapper.valueToTree(r.environment()));
        ObjectNode result = root.putObject("result");
        result.put("measuredSeconds", r.measuredSeconds());
        result.put("connectionsOpen", r.connectionsOpen());
        result.put("sent", r.sent());
        result.put("received", r.received());
        result.put("receivedPerSecond", r.receiveRate());
        result.put("missing", r.missing());
        result.put("incompleteMessages", r.incompleteMessages());
        result.put("closedCleanly", r.closedCleanly());
        result.put("cpuMicrosPerMessage", r.cpuMicrosPerMessage());
        result.set("latencyMicros", mapper.valueToTree(Percentiles.of(r.latencyHistogram())));
        if (r.fanOut()) {
            result.set("lastDeliveryMicros", mapper.valueToTree(Percentiles.of(r.lastDeliveryHistogram())));
        }
        result.set("connectMicros", mapper.valueToTree(Percentiles.of(r.connectHistogram())));
        ObjectNode errors = mapper.valueToTree(r.errors());
        // by code in ascending order: the records' maps iterate in no fixed order
        errors.set("handshakeStatus", mapper.valueToTree(r.errors().handshakeStatusByCode()));
        errors.set("publishStatus", mapper.valueToTree(r.errors().publishStatusByCode()));
        errors.put("total", r.errors().total());
        result.set("errors", errors);
        ArrayNode timeline = result.putArray("timeline");
        for (IntervalSample s : r.timeline()) {
            ObjectNode n = timeline.addObject();
            n.put("startSeconds", s.startSeconds());
            n.put("lengthSeconds", s.lengthSeconds());
            n.put("received", s.requests());
            n.put("errors", s.errors());
            n.put("p99Micros", s.p99Micros());
        }
        root.set("generator", health(r.health()));
        return root;
    }

    private ObjectNode spec(WsSpec s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("target", s.target().toString());
        if (s.pattern() instanceof WsPattern.FanOut f) {
            n.put("pattern", "fanout");
            n.put("publishRatePerSecond", f.ratePerSecond());
            if (f.publisher() instanceof Publisher.HttpPost p) {
                n.put("publisher", "http-post");
                n.put("publishUrl", p.url().toString());
                n.put("publishConnections", p.connections());
            } else {
                Publisher.Socket p = (Publisher.Socket) f.publisher();
                n.put("publisher", "websocket");
                n.put("publishUrl", (p.url() == null ? s.target() : p.url()).toString());
            }
        } else {
            LoadModel m = ((WsPattern.Echo) s.pattern()).model();
            n.put("pattern", "echo");
            n.put("model", m instanceof LoadModel.Open ? "open" : "closed");
            if (m instanceof LoadModel.Open o) {
                n.put("ratePerSecond", o.ratePerSecond());
            }
        }
        n.put("connections", s.connections());
        n.put("threads", s.threads());
        n.put("durationSeconds", s.duration().toNanos() / 1e9);
        n.put("warmupSeconds", s.warmup().toNanos() / 1e9);
        n.put("timeoutSeconds", s.timeout().toNanos() / 1e9);
        n.put("messageType", s.message().kind().name().toLowerCase(java.util.Locale.ROOT));
        n.put("messageBytes", s.message().sizeBytes());
        n.put("template", s.message().template());
        n.put("insecure", s.insecure());
        ArrayNode headers = n.putArray("headers");
        s.headers().forEach(h -> headers.add(h.name() + ": " + h.value()));
        return n;
    }

    private ObjectNode health(GeneratorHealth h) {
        ObjectNode n = mapper.valueToTree(h);
        n.put("bound", h.bound());
        return n;
    }
}
