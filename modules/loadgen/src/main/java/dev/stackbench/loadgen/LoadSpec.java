package dev.stackbench.loadgen;

import dev.stackbench.config.DurationFormat;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to load and how: one target, the request to send, the connections and event loops, the
 * load model and the timings. Immutable; build it with {@link #builder(URI)}.
 *
 * @param target      the base URL, {@code http://host[:port]/...} or {@code https://...}
 * @param method      request method, e.g. {@code GET}
 * @param headers     extra request headers (Host, User-Agent and Content-Length are added)
 * @param body        request body bytes, empty for none
 * @param paths       for a single request kind: its variants (path and query), each request picks one
 *                    uniformly at random; defaults to the target's own path and query. For a mix: each
 *                    kind's path
 * @param requests    the request kinds of the mix, at least one, names unique; each request picks a kind
 *                    by weight with a seeded random. Defaults to one kind from method, headers, body and
 *                    the first path
 * @param connections concurrent keep-alive connections, &gt;= 1; in the open model, the connections
 *                    opened before the schedule starts (the pool grows on demand up to {@code maxConnections})
 * @param maxConnections open model: the cap of the connection pool, &gt;= connections; the closed model
 *                    uses exactly {@code connections} (this equals it)
 * @param threads     event loops, 1..connections; in the open model each sends a share of the rate in
 *                    proportion to its connections, on a phase offset from the others
 * @param duration    the measured interval, &gt; 0
 * @param warmup      load before the measured interval that is not recorded: fixed or until stable
 * @param timeout     per request, from its actual send to its complete response, &gt; 0
 * @param model       closed or open
 * @param resolution  open model: requests due within one window of this length are sent together
 *                    at the window's start and timed from it; zero sends each at its own time
 * @param seed        seeds the random choices (kind by weight, path variant, template values, Poisson
 *                    arrivals): the same seed gives each event loop the same sequence of choices
 * @param thresholds  pass/fail criteria evaluated at the end ({@link LoadResult#thresholds()}); each names
 *                    an existing kind or the whole run
 * @param abortOnFail whether to end the run early once a threshold fails on the window so far (checked once a second)
 * @param http2       speak HTTP/2: over {@code https://} offered by ALPN (HTTP/1.1 when the server does not
 *                    choose h2, reported in {@link LoadResult#connection()}), over {@code http://} h2c with prior knowledge
 * @param streams     HTTP/2: concurrent streams per connection, &gt;= 1, each a slot for one request at a time
 *                    (closed model: each one user); 1 without HTTP/2
 * @param insecure    {@code https://}: accept any server certificate and name (self-signed servers)
 * @param tlsProvider {@code https://}: OpenSSL, the JDK's engine, or OpenSSL when it loads here
 */
public record LoadSpec(URI target, String method, List<Header> headers, byte[] body, List<String> paths,
                       int connections, int maxConnections, int threads, Duration duration, Warmup warmup, Duration timeout,
                       LoadModel model, Duration resolution, List<RequestKind> requests, long seed,
                       List<Threshold> thresholds, boolean abortOnFail, boolean http2, int streams, boolean insecure,
                       TlsClient.Provider tlsProvider) {

    public LoadSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(tlsProvider, "tlsProvider");
        headers = List.copyOf(headers);
        paths = List.copyOf(paths);
        requests = List.copyOf(requests);
        thresholds = List.copyOf(thresholds);
        body = body.clone();
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("requests must hold at least one request kind");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RequestKind k : requests) {
            if (!names.add(k.name())) {
                throw new IllegalArgumentException("request name '" + k.name() + "' is used twice: give each request its own name");
            }
        }
        for (Threshold t : thresholds) {
            if (!t.kind().isEmpty() && !names.contains(t.kind())) {
                throw new IllegalArgumentException("threshold '" + t + "' names the request kind '" + t.kind()
                        + "', which the mix does not have; expected one of " + String.join(", ", names.stream().sorted().toList()));
            }
            if (t.metric() == Threshold.Metric.RATE && !(model instanceof LoadModel.Open)) {
                throw new IllegalArgumentException("threshold '" + t + "' compares the achieved with the target rate, "
                        + "which only the open model has: add a rate, or use rps");
            }
        }
        if (model instanceof LoadModel.Open o && !o.stages().isEmpty() && !o.scheduleLength().equals(duration)) {
            throw new IllegalArgumentException("duration (" + DurationFormat.format(duration) + ") must equal the rate schedule's length ("
                    + DurationFormat.format(o.scheduleLength()) + ")");
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("target '" + target + "' must be an http:// or https:// URL with a host");
        }
        if (streams < 1) {
            throw new IllegalArgumentException("streams (" + streams + ") must be >= 1");
        }
        if (streams > 1 && !http2) {
            throw new IllegalArgumentException("streams (" + streams + ") apply to HTTP/2 only: HTTP/1.1 has one request "
                    + "in flight per connection; enable HTTP/2, or use more connections");
        }
        if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("method '" + method + "' must be an upper-case HTTP method such as GET");
        }
        if (paths.isEmpty() || paths.stream().anyMatch(p -> !p.startsWith("/") || p.chars().anyMatch(c -> c <= ' '))) {
            throw new IllegalArgumentException("paths " + paths + " must each start with / and contain no spaces");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections (" + connections + ") must be >= 1");
        }
        if (maxConnections < connections) {
            throw new IllegalArgumentException("max connections (" + maxConnections + ") must be >= connections (" + connections + ")");
        }
        if (model instanceof LoadModel.Closed && maxConnections != connections) {
            throw new IllegalArgumentException("max connections (" + maxConnections + ") applies to the open model only; "
                    + "the closed model uses exactly its connections (" + connections + ")");
        }
        if (threads < 1 || threads > connections) {
            throw new IllegalArgumentException("threads (" + threads + ") must be between 1 and connections (" + connections + ")");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration (" + DurationFormat.format(duration) + ") must be > 0");
        }
        if (resolution.isNegative()) {
            throw new IllegalArgumentException("resolution (" + DurationFormat.format(resolution) + ") must be >= 0");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout (" + DurationFormat.format(timeout) + ") must be > 0");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the TCP port, the scheme's default (80, or 443 for https) when the URL names none */
    public int port() {
        return target.getPort() != -1 ? target.getPort() : isTls() ? 443 : 80;
    }

    /** @return whether the target is an {@code https://} URL */
    public boolean isTls() {
        return "https".equals(target.getScheme());
    }

    /** @return the target host as written in the URL, without IPv6 brackets */
    public String host() {
        String h = target.getHost();
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    /** @return the value of the Host header: host, and port when it is not the scheme's default */
    public String hostHeader() {
        return target.getPort() == -1 || target.getPort() == (isTls() ? 443 : 80) ? target.getHost() : target.getHost() + ":" + target.getPort();
    }

    /** @return whether responses to this request have no body by definition (HEAD) */
    public boolean isHead() {
        return "HEAD".equals(method);
    }

    /** @return whether the run has more than one request kind */
    public boolean isMix() {
        return requests.size() > 1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s, %s, %d connections%s%s, %d threads, %s (warm-up %s), timeout %s",
                isMix() ? requests.size() + " request kinds at" : method, target, model, connections, maxConnections == connections ? "" : " (up to " + maxConnections + ")",
                http2 ? ", HTTP/2 with " + streams + " stream" + (streams == 1 ? "" : "s") + " each" : "",
                threads, DurationFormat.format(duration), warmup, DurationFormat.format(timeout));
    }

    /** @return a builder with the defaults of {@link Defaults} for the given target */
    public static Builder builder(URI target) {
        return new Builder(target);
    }

    /** Builds a {@link LoadSpec}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final URI target;
        private String method = "GET";
        private List<Header> headers = List.of();
        private byte[] body = new byte[0];
        private List<String> paths;
        private int connections = Defaults.CONNECTIONS;
        private Integer maxConnections;
        private Integer threads;
        private Duration duration = Defaults.DURATION;
        private Warmup warmup = new Warmup.Fixed(Defaults.WARMUP);
        private Duration timeout = Defaults.TIMEOUT;
        private LoadModel model = new LoadModel.Closed();
        private Duration resolution = Defaults.RESOLUTION;
        private List<RequestKind> requests = List.of();
        private long seed = Defaults.SEED;
        private List<Threshold> thresholds = List.of();
        private boolean abortOnFail;
        private boolean durationSet;
        private boolean http2;
        private int streams = Defaults.STREAMS;
        private boolean insecure;
        private TlsClient.Provider tlsProvider = TlsClient.Provider.AUTO;

        private Builder(URI target) {
            this.target = target;
        }

        public Builder method(String m) { this.method = m; return this; }
        public Builder headers(List<Header> h) { this.headers = h; return this; }
        public Builder body(byte[] b) { this.body = b.clone(); return this; }
        /** Request targets to pick from at random, e.g. {@code /api/users/1 .. /api/users/10000}. */
        public Builder paths(List<String> p) { this.paths = p; return this; }
        public Builder connections(int c) { this.connections = c; return this; }
        /** Event loops; defaults to min(available processors, connections). */
        public Builder threads(int t) { this.threads = t; return this; }
        /** The measured interval; with a rate schedule it defaults to the schedule's length. */
        public Builder duration(Duration d) { this.duration = d; this.durationSet = true; return this; }
        /**
         * The request kinds of a mix, each picked by weight. The target then gives only the host and
         * port; method, headers, body and paths set on this builder are ignored.
         */
        public Builder requests(List<RequestKind> r) { this.requests = r; return this; }
        /** Seeds every random choice; default {@link Defaults#SEED}. */
        public Builder seed(long s) { this.seed = s; return this; }
        /** Pass/fail criteria evaluated at the end. */
        public Builder thresholds(List<Threshold> t) { this.thresholds = t; return this; }
        /** End the run as soon as a threshold fails on the window so far (checked once a second). */
        public Builder abortOnFail(boolean a) { this.abortOnFail = a; return this; }
        /** HTTP/2: by ALPN over https://, h2c with prior knowledge over http://. */
        public Builder http2(boolean h) { this.http2 = h; return this; }
        /** HTTP/2: concurrent streams per connection; default {@link Defaults#STREAMS}. */
        public Builder streams(int s) { this.streams = s; return this; }
        /** https://: accept any server certificate. */
        public Builder insecure(boolean i) { this.insecure = i; return this; }
        /** https://: the TLS implementation; default {@link TlsClient.Provider#AUTO}. */
        public Builder tlsProvider(TlsClient.Provider p) { this.tlsProvider = p; return this; }
        /** A fixed warm-up. */
        public Builder warmup(Duration w) { this.warmup = new Warmup.Fixed(w); return this; }
        /** A fixed warm-up or one until the rate is stable. */
        public Builder warmup(Warmup w) { this.warmup = w; return this; }
        /** Warm up until the rate is stable, with the defaults of {@link Warmup.UntilStable#defaults()}. */
        public Builder warmupUntilStable() { this.warmup = Warmup.UntilStable.defaults(); return this; }
        /**
         * Open model: the cap of the connection pool. Default: the rate times the timeout, at least
         * the connections and at most {@link Defaults#MAX_CONNECTIONS}.
         */
        public Builder maxConnections(int m) { this.maxConnections = m; return this; }
        public Builder timeout(Duration t) { this.timeout = t; return this; }
        public Builder model(LoadModel m) { this.model = m; return this; }
        /** Open model: send requests due within this window together (zero: each at its own time). */
        public Builder resolution(Duration r) { this.resolution = r; return this; }

        public LoadSpec build() {
            List<String> p = paths != null ? paths : List.of(defaultPath(target));
            List<RequestKind> r = requests;
            String m = method;
            List<Header> h = headers;
            byte[] b = body;
            if (r.isEmpty()) {
                String first = p.isEmpty() ? "/" : p.get(0);
                // a kind's path is checked for templates; a legacy path's braces are not templates
                r = List.of(new RequestKind(RequestKind.defaultName(first), method, first.contains("{") ? "/" : first, headers, body, 1));
            } else {
                p = r.stream().map(RequestKind::path).toList();
                m = r.get(0).method();
                h = r.get(0).headers();
                b = r.get(0).body();
            }
            Duration d = duration;
            if (!durationSet && model instanceof LoadModel.Open o && !o.stages().isEmpty()) {
                d = o.scheduleLength();
            }
            int t = threads != null ? threads : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), connections));
            int max = maxConnections != null ? maxConnections : defaultMaxConnections();
            return new LoadSpec(target, m, h, b, p, connections, max, t, d, warmup, timeout, model, resolution,
                    r, seed, thresholds, abortOnFail, http2, streams, insecure, tlsProvider);
        }

        private int defaultMaxConnections() {
            if (!(model instanceof LoadModel.Open open)) {
                return connections;
            }
            double littles = Math.ceil(open.peakPerSecond() * timeout.toNanos() / 1e9);
            return (int) Math.max(connections, Math.min(Defaults.MAX_CONNECTIONS, littles));
        }

        private static String defaultPath(URI uri) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }
}
