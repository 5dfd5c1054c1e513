package dev.stackbench.runner.scenario;

import dev.stackbench.config.ConfigException;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.YamlDocument;
import dev.stackbench.config.YamlMap;
import dev.stackbench.config.YamlValue;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.RateStage;
import dev.stackbench.loadgen.RequestKind;
import dev.stackbench.loadgen.Threshold;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario file of {@code stackbench load --scenario FILE} and {@code stackbench diff --scenario FILE},
 * read with the strict YAML reader:
 *
 * <pre>
 * requests:                  # at least one
 *   - name: json             # optional; default from the path (see RequestKind.defaultName)
 *     method: GET            # optional, default GET
 *     path: /json            # required; templates such as {random:1..10000} allowed
 *     headers:               # optional mapping of name to value
 *       Accept: application/json
 *     body: '{"a": 1}'       # optional text (UTF-8)
 *     weight: 9              # optional whole number >= 1, default 1
 * stages:                    # optional: an open-model rate schedule, in order
 *   - rate: 1000             # a step: this rate ...
 *     duration: 10s          # ... for this long
 *   - from: 1000             # a ramp, from this rate ...
 *     to: 10000              # ... to this one
 *     duration: 60s
 * arrivals: poisson          # optional: constant (default) or poisson
 * thresholds: [p99<50ms, json:p99<10ms, errors<0.1%]   # optional
 * </pre>
 *
 * Every mistake is one line naming the file, the key, the value and what was expected.
 *
 * @param requests   the request kinds
 * @param stages     the schedule; empty when the file has none
 * @param arrivals   the arrivals, or null when the file does not say
 * @param thresholds the thresholds
 */
public record ScenarioFile(List<RequestKind> requests, List<RateStage> stages, LoadModel.Arrivals arrivals, List<Threshold> thresholds) {
    public ScenarioFile {
        requests = List.copyOf(requests);
        stages = List.copyOf(stages);
        thresholds = List.copyOf(thresholds);
    }

    private static final List<String> TOP = List.of("requests", "stages", "arrivals", "thresholds");
    private static final List<String> REQUEST = List.of("name", "method", "path", "headers", "body", "weight");
    private static final List<String> STEP = List.of("rate", "duration");
    private static final List<String> RAMP = List.of("from", "to", "duration");

    /** @throws ConfigException {@code scenario file 'F': <problem>} */
    public static ScenarioFile read(Path file) {
        String source = "scenario file '" + file + "'";
        YamlDocument doc = YamlDocument.read(file, source);
        YamlMap root = doc.root("requests (a list), and optionally stages, arrivals and thresholds");
        root.allowOnly(TOP);
        List<RequestKind> requests = new ArrayList<>();
        for (YamlValue item : root.require("requests", "a list of requests, each with at least a path")
                .nonEmptyList("a list of requests, each with at least a path")) {
            requests.add(request(item, source));
        }
        List<String> names = requests.stream().map(RequestKind::name).toList();
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw new ConfigException(source, "requests[" + i + "].name is \"" + names.get(i)
                        + "\", which an earlier request has; expected a name of its own");
            }
        }
        List<RateStage> stages = new ArrayList<>();
        if (root.has("stages")) {
            for (YamlValue item : root.require("stages", "").nonEmptyList("a list of stages, each {rate, duration} or {from, to, duration}")) {
                stages.add(stage(item));
            }
        }
        LoadModel.Arrivals arrivals = root.get("arrivals").map(v -> v.parsed("constant or poisson",
                t -> LoadModel.Arrivals.valueOf(t.toUpperCase(Locale.ROOT)))).orElse(null);
        List<Threshold> thresholds = new ArrayList<>();
        if (root.has("thresholds")) {
            for (YamlValue item : root.require("thresholds", "").list("a list of thresholds such as [p99<50ms, errors<0.1%]")) {
                String text = item.text("a threshold of the form " + ThresholdParser.FORM);
                try {
                    thresholds.add(ThresholdParser.parse(text, item.path() + " '" + text + "'"));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source, e.getMessage());
                }
            }
        }
        return new ScenarioFile(requests, stages, arrivals, thresholds);
    }

    private static RequestKind request(YamlValue item, String source) {
        YamlMap m = item.map("a mapping with path, and optionally name, method, headers, body and weight");
        m.allowOnly(REQUEST);
        YamlValue pathValue = m.require("path", "a request target starting with /, e.g. /json");
        String path = pathValue.text("a request target starting with /, e.g. /json");
        String method = m.get("method").map(v -> v.text("an HTTP method such as GET or POST")).orElse("GET");
        String name = m.get("name").map(v -> v.text("a name of letters, digits, '.', '_' or '-', e.g. json"))
                .orElse(RequestKind.defaultName(path));
        int weight = m.wholeNumber("weight", 1, 1);
        List<Header> headers = new ArrayList<>();
        m.map("headers", "a mapping of header names to values, e.g. {Accept: application/json}").ifPresent(h -> {
            for (String key : h.keys()) {
                YamlValue v = h.require(key, "a header value");
                try {
                    headers.add(new Header(key, v.scalar("a header value (text)")));
                } catch (IllegalArgumentException e) {
                    throw v.invalid("a header value without line breaks, under a name that is an HTTP token");
                }
            }
        });
        byte[] body = m.get("body").map(v -> v.scalar("the body as text")).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!method.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
            throw m.get("method").orElseThrow().invalid("an HTTP method such as GET or POST");
        }
        try {
            return new RequestKind(name, method.toUpperCase(Locale.ROOT), path, headers, body, weight);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("request name")) {
                throw m.get("name").orElseThrow(() -> pathValue.invalid("a path whose last segment makes a name, or a name: of letters, digits, '.', '_' or '-'"))
                        .invalid("a name of letters, digits, '.', '_' or '-', e.g. json");
            }
            throw new ConfigException(source, pathValue.path() + ": " + e.getMessage());
        }
    }

    private static RateStage stage(YamlValue item) {
        YamlMap m = item.map("a stage: {rate, duration} or {from, to, duration}");
        boolean ramp = m.has("from") || m.has("to");
        m.allowOnly(ramp ? RAMP : STEP);
        java.time.Duration length = m.require("duration", "a duration > 0 such as 500ms, 10s or 2m").positiveDuration();
        if (ramp) {
            return new RateStage(rate(m.require("from", "the ramp's starting rate, " + RateFormat.EXPECTED)),
                    rate(m.require("to", "the ramp's final rate, " + RateFormat.EXPECTED)), length);
        }
        return RateStage.step(rate(m.require("rate", RateFormat.EXPECTED)), length);
    }

    private static double rate(YamlValue v) {
        double r = v.parsed(RateFormat.EXPECTED + ", > 0", RateFormat::parse);
        if (!(r > 0)) {
            throw v.invalid(RateFormat.EXPECTED + ", > 0");
        }
        return r;
    }
}
