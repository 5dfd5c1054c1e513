package dev.stackbench.loadgen;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The requests of a run as HTTP/2 header blocks: per kind of the mix its variants (as
 * {@link EncodedRequests}: the spec's paths of one kind, picked uniformly) with their templates,
 * drawn in the same order from the same random (kind by weight, variant, template values), so a seed
 * gives the same requests over HTTP/1.1 and HTTP/2. A request allocates its header block (the codec
 * keeps it until HPACK has encoded it); the fixed headers are built once.
 *
 * <p>Immutable and shared by the event loops; the random comes from the calling loop.
 */
final class H2Requests {
    private static final AsciiString USER_AGENT = AsciiString.cached("user-agent");

    private final EncodedRequests weights;
    private final PathTemplate[][] variants;
    private final Http2Headers[] fixed;
    private final byte[][] bodies;

    /** @param scheme {@code http} (h2c) or {@code https} */
    H2Requests(LoadSpec spec, EncodedRequests weights, String scheme) {
        this.weights = weights;
        List<RequestKind> mix = spec.requests();
        variants = new PathTemplate[mix.size()][];
        fixed = new Http2Headers[mix.size()];
        bodies = new byte[mix.size()][];
        for (int k = 0; k < mix.size(); k++) {
            RequestKind kind = mix.get(k);
            List<String> paths = mix.size() == 1 && !spec.paths().isEmpty() ? spec.paths() : List.of(kind.path());
            variants[k] = paths.stream().map(PathTemplate::parse).toArray(PathTemplate[]::new);
            Http2Headers h = new DefaultHttp2Headers().method(kind.method()).scheme(scheme).authority(spec.hostHeader());
            boolean userAgent = false;
            for (Header header : kind.headers()) {
                // HTTP/2 has no Host (the authority says it) nor connection-specific headers; the codec frames the body
                if (header.is("Host") || header.is("Content-Length") || header.is("Connection") || header.is("Keep-Alive")
                        || header.is("Transfer-Encoding") || header.is("Upgrade")) {
                    continue;
                }
                userAgent |= header.is("User-Agent");
                h.add(header.name().toLowerCase(Locale.ROOT), header.value());
            }
            if (!userAgent) {
                h.add(USER_AGENT, "stackbench");
            }
            byte[] body = kind.body();
            if (body.length > 0 || !kind.method().equals("GET") && !kind.method().equals("HEAD")) {
                h.addInt("content-length", body.length);
            }
            fixed[k] = h;
            bodies[k] = body;
        }
    }

    /** @return the kind's body, empty for none; not to be modified */
    byte[] body(int kind) {
        return bodies[kind];
    }

    /**
     * Draws the next request: a kind by weight, one of its variants uniformly, each template's value uniformly.
     *
     * @param into receives the kind drawn at index 0
     * @return a new header block for it
     */
    Http2Headers next(SplittableRandom random, int[] into) {
        int k = weights.drawKind(random);
        PathTemplate[] vs = variants[k];
        PathTemplate t = vs.length == 1 ? vs[0] : vs[random.nextInt(vs.length)];
        String path;
        if (t.templates() == 0) {
            path = t.literals().get(0);
        } else {
            StringBuilder s = new StringBuilder(64);
            for (int i = 0; i < t.templates(); i++) {
                s.append(t.literals().get(i)).append(t.min()[i] + random.nextLong(t.max()[i] - t.min()[i] + 1));
            }
            path = s.append(t.literals().get(t.templates())).toString();
        }
        into[0] = k;
        Http2Headers h = new DefaultHttp2Headers(false, fixed[k].size() + 1);
        h.set(fixed[k]);
        h.path(path);
        return h;
    }
}
