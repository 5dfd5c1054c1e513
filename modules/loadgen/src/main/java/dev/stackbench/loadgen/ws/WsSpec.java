package dev.stackbench.loadgen.ws;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.loadgen.Defaults;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.LoadModel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a WebSocket run does: one target, the connections and event loops, the pattern, the
 * message and the timings. Immutable; build it with {@link #builder(URI)}.
 *
 * @param target      {@code ws://} or {@code wss://} URL with a host
 * @param headers     extra headers of the upgrade request (and of an HTTP publisher's POSTs)
 * @param connections WebSocket connections opened before the load starts and held, &gt;= 1
 *                    (echo senders, or fan-out subscribers)
 * @param threads     event loops, 1..connections
 * @param duration    the measured interval, &gt; 0
 * @param warmup      load before the measured interval that is not recorded, &gt;= 0
 * @param timeout     for each connection's TCP connect + TLS + upgrade, for an echo reply in the
 *                    closed model, and for the last replies or deliveries after the end, &gt; 0
 * @param pattern     echo or fan-out
 * @param message     what every message looks like
 * @param insecure    {@code wss://}: accept any server certificate (self-signed test servers)
 */
public record WsSpec(URI target, List<Header> headers, int connections, int threads, Duration duration,
                     Duration warmup, Duration timeout, WsPattern pattern, WsMessage message, boolean insecure) {

    public WsSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(message, "message");
        headers = List.copyOf(headers);
        if (!isWebSocket(target)) {
            throw new IllegalArgumentException("target '" + target + "' must be a ws:// or wss:// URL with a host");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections (" + connections + ") must be >= 1");
        }
        if (threads < 1 || threads > connections) {
            throw new IllegalArgumentException("threads (" + threads + ") must be between 1 and connections (" + connections + ")");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration (" + DurationFormat.format(duration) + ") must be > 0");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup (" + DurationFormat.format(warmup) + ") must be >= 0");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout (" + DurationFormat.format(timeout) + ") must be > 0");
        }
        if (pattern instanceof WsPattern.FanOut f) {
            double tracked = f.ratePerSecond() * duration.toNanos() / 1e9;
            if (tracked > WsDefaults.MAX_TRACKED_MESSAGES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "fan-out of %,.0f msg/s for %s tracks %,.0f messages, more than %,d: lower the rate or the duration",
                        f.ratePerSecond(), duration, tracked, WsDefaults.MAX_TRACKED_MESSAGES));
            }
        }
    }

    /** @return whether {@code uri} is a {@code ws://} or {@code wss://} URL with a host */
    public static boolean isWebSocket(URI uri) {
        return uri.getHost() != null && ("ws".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()));
    }

    /** @return whether the target is {@code wss://} */
    public boolean tls() {
        return "wss".equalsIgnoreCase(target.getScheme());
    }

    /** @return the target's TCP port, the scheme's default (80, 443) when the URL names none */
    public int port() {
        return port(target);
    }

    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return "wss".equals(scheme) || "https".equals(scheme) ? 443 : 80;
    }

    /** @return the target host as written in the URL, without IPv6 brackets */
    public String host() {
        return host(target);
    }

    static String host(URI uri) {
        String h = uri.getHost();
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %s, %d connections, %d threads, %s (warm-up %s), timeout %s",
                target, pattern, connections, threads, DurationFormat.format(duration), DurationFormat.format(warmup),
                DurationFormat.format(timeout));
    }

    /** @return a builder with the defaults of {@link Defaults} and {@link WsDefaults} for the given target */
    public static Builder builder(URI target) {
        return new Builder(target);
    }

    /** Builds a {@link WsSpec}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final URI target;
        private List<Header> headers = List.of();
        private int connections = Defaults.CONNECTIONS;
        private Integer threads;
        private Duration duration = Defaults.DURATION;
        private Duration warmup = Defaults.WARMUP;
        private Duration timeout = Defaults.TIMEOUT;
        private WsPattern pattern = new WsPattern.Echo(new LoadModel.Closed());
        private WsMessage message = WsMessage.defaults();
        private boolean insecure;

        private Builder(URI target) {
            this.target = target;
        }

        public Builder headers(List<Header> h) { this.headers = h; return this; }
        public Builder connections(int c) { this.connections = c; return this; }
        /** Event loops; defaults to min(available processors, connections). */
        public Builder threads(int t) { this.threads = t; return this; }
        public Builder duration(Duration d) { this.duration = d; return this; }
        public Builder warmup(Duration w) { this.warmup = w; return this; }
        public Builder timeout(Duration t) { this.timeout = t; return this; }
        /** Defaults to a closed-model echo. */
        public Builder pattern(WsPattern p) { this.pattern = p; return this; }
        public Builder message(WsMessage m) { this.message = m; return this; }
        public Builder insecure(boolean i) { this.insecure = i; return this; }

        public WsSpec build() {
            int t = threads != null ? threads : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), connections));
            return new WsSpec(target, headers, connections, t, duration, warmup, timeout, pattern, message, insecure);
        }
    }
}
