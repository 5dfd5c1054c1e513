package dev.stackbench.loadgen.summary;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.loadgen.ConnectionSummary;
import dev.stackbench.loadgen.LatencySummary;
import java.util.Locale;
import java.util.Optional;

/**
 * The summary's line on how the connections spoke, printed for TLS or HTTP/2 only (a plain
 * HTTP/1.1 run's summary is as before), e.g.
 * {@code Protocol   h2 over TLSv1.3 (openssl), 4 streams per connection; TLS handshakes 10, mean 1.21 ms, p99 2.10 ms, max 2.10 ms}.
 */
final class ConnectionLine {
    private ConnectionLine() {
    }

    /** @return the line, or empty for plain HTTP/1.1 */
    static Optional<String> of(ConnectionSummary c) {
        if (!c.tls() && !c.http2()) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder("  Protocol   ").append(c.protocol());
        if (c.tls()) {
            s.append(" over ").append(c.tlsVersion().isEmpty() ? "TLS" : c.tlsVersion()).append(" (").append(c.tlsProvider()).append(')');
        }
        if (c.http2()) {
            s.append(String.format(Locale.ROOT, ", %d stream%s per connection", c.streams(), c.streams() == 1 ? "" : "s"));
        }
        if (c.h2Declined()) {
            s.append(" (HTTP/2 asked for: the server chose HTTP/1.1 by ALPN)");
        }
        if (c.tls()) {
            LatencySummary h = c.handshake();
            s.append(String.format(Locale.ROOT, "; TLS handshakes %,d, mean %s, p99 %s, max %s (not in the latency)", h.count(),
                    DurationFormat.micros(h.meanMicros()), DurationFormat.micros(h.p99Micros()), DurationFormat.micros(h.maxMicros())));
        }
        return Optional.of(s.toString());
    }
}
