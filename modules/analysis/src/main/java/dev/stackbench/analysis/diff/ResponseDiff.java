package dev.stackbench.analysis.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares the new backend's response to one request with the old one's, under {@link DiffSettings}:
 * status code, the compared headers, and the body (JSON structurally when either side says
 * {@code application/json} and both parse; otherwise byte for byte, or by length). Thread-safe.
 */
public final class ResponseDiff {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DiffSettings settings;
    private final JsonDiff json;

    public ResponseDiff(DiffSettings settings) {
        this.settings = settings;
        this.json = new JsonDiff(settings);
    }

    /** @return how {@code neu} differs from {@code old}; empty when they are equivalent */
    public List<Difference> compare(Response old, Response neu) {
        if (old instanceof Response.Failed f) {
            return neu instanceof Response.Failed g && g.reason().equals(f.reason()) ? List.of()
                    : List.of(new Difference(Difference.Kind.NO_RESPONSE, "response", f.reason(), describe(neu)));
        }
        if (neu instanceof Response.Failed f) {
            return List.of(new Difference(Difference.Kind.NO_RESPONSE, "response", describe(old), f.reason()));
        }
        Response.Answered a = (Response.Answered) old;
        Response.Answered b = (Response.Answered) neu;
        List<Difference> out = new ArrayList<>();
        if (a.status() != b.status()) {
            out.add(new Difference(Difference.Kind.STATUS, "status", Integer.toString(a.status()), Integer.toString(b.status())));
        }
        boolean jsonEqual = settings.specErrorBodies() && specError(a, b) || body(a, b, out);
        TreeSet<String> names = new TreeSet<>(a.headers().keySet());
        names.addAll(b.headers().keySet());
        names.addAll(settings.compareHeaders());
        names.remove("*");
        for (String name : names) {
            if (!settings.compares(name) || jsonEqual && name.equals("content-length")) {
                continue;
            }
            Optional<String> va = a.header(name);
            Optional<String> vb = b.header(name);
            if (!va.equals(vb)) {
                out.add(new Difference(Difference.Kind.HEADER, "header " + name, va.orElse(Difference.ABSENT), vb.orElse(Difference.ABSENT)));
            }
        }
        return out;
    }

    /** Adds the body's differences; @return whether both bodies are JSON and equal as JSON */
    private boolean body(Response.Answered a, Response.Answered b, List<Difference> out) {
        if (a.isJson() || b.isJson()) {
            Optional<JsonNode> ja = parse(a.body());
            Optional<JsonNode> jb = parse(b.body());
            if (ja.isPresent() && jb.isPresent()) {
                List<Difference> d = json.compare(ja.get(), jb.get());
                out.addAll(d);
                return d.isEmpty();
            }
            if (ja.isPresent() != jb.isPresent()) {
                out.add(new Difference(Difference.Kind.BODY, "body", ja.isPresent() ? "JSON" : "not JSON: " + preview(a.body()),
                        jb.isPresent() ? "JSON" : "not JSON: " + preview(b.body())));
                return false;
            }
        }
        byte[] x = a.body();
        byte[] y = b.body();
        if (settings.bodyLengthOnly() ? x.length != y.length : !Arrays.equals(x, y)) {
            int at = Arrays.mismatch(x, y);
            String where = settings.bodyLengthOnly() || at < 0 ? "" : ", first difference at byte " + at;
            out.add(new Difference(Difference.Kind.BODY, "body", x.length + " bytes: " + preview(x),
                    y.length + " bytes" + where + ": " + preview(y)));
        }
        return false;
    }

    /** @return whether both are the same 4xx with a JSON object body holding {@code error} or {@code detail} (docs/api.md) */
    private static boolean specError(Response.Answered a, Response.Answered b) {
        if (a.status() != b.status() || a.status() < 400 || a.status() > 499) {
            return false;
        }
        return isSpecError(parse(a.body())) && isSpecError(parse(b.body()));
    }

    private static boolean isSpecError(Optional<JsonNode> body) {
        return body.filter(JsonNode::isObject).filter(n -> n.has("error") || n.has("detail")).isPresent();
    }

    private static Optional<JsonNode> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, Difference.MAX_VALUE_CHARS), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String describe(Response r) {
        return r instanceof Response.Answered a ? "status " + a.status() : ((Response.Failed) r).reason();
    }
}
