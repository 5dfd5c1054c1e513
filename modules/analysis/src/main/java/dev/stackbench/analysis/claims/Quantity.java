package dev.stackbench.analysis.claims;

import dev.stackbench.results.Contestant;
import dev.stackbench.results.Trial;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What a measurable claim compares. Per-trial quantities are paired by round; per-contestant ones
 * (start-up time, idle memory) are measured once per contestant and carry no interval.
 */
public enum Quantity {
    /** Successful responses per second; higher is better. */
    THROUGHPUT("throughput", "req/s", true, Trial::throughputPerSecond, null),
    /** Success latency p99 (µs); lower is better. */
    P99("p99", "p99 latency", false, t -> t.latencyMicros().p99(), null),
    /** Server CPU seconds per successful request; lower is better. */
    CPU_PER_REQUEST("cpuPerRequest", "CPU per request", false,
            t -> t.server().cpuCores() / t.throughputPerSecond(), null),
    /** Server memory under load (bytes; at a fixed level, proportional to memory per connection); lower is better. */
    MEMORY("memory", "memory under load", false, t -> t.server().rssMeanBytes(), null),
    /** Process start to first successful readiness probe (ms); lower is better. */
    STARTUP_TIME("startupTime", "startup time", false, null, c -> c.startupMillis() == null ? null : c.startupMillis().doubleValue()),
    /** Memory after readiness, before load (bytes); lower is better. */
    IDLE_RSS("idleRss", "idle RSS", false, null, c -> c.idleRssBytes() == null ? null : c.idleRssBytes().doubleValue()),
    /** realtime: publish-to-receive p99 of every delivery; lower is better. Needs the realtime workload. */
    DELIVERY_P99("deliveryP99", "delivery p99", false, t -> t.latencyMicros().p99(), null),
    /**
     * blocking: json p99 with concurrent /cpu over json p99 alone, per contestant and round; lower is
     * better. Needs the blocking workload; judged on {@link dev.stackbench.analysis.Analysis#blocking()}.
     */
    P99_INFLATION("p99Inflation", "json p99 inflation", false, null, null),
    /** connections: server memory per open connection; lower is better. Needs connection scaling. */
    MEMORY_PER_CONNECTION("memoryPerConnection", "memory per connection", false, null, null);

    private final String id;
    private final String label;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<Trial> perTrial;
    private final java.util.function.Function<Contestant, Double> perContestant;

    Quantity(String id, String label, boolean higherIsBetter, ToDoubleFunction<Trial> perTrial,
            java.util.function.Function<Contestant, Double> perContestant) {
        this.id = id;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.perTrial = perTrial;
        this.perContestant = perContestant;
    }

    /** @return the catalog's name, e.g. {@code cpuPerRequest} */
    public String id() {
        return id;
    }

    /** @return what reports call it, e.g. {@code CPU per request} */
    public String label() {
        return label;
    }

    /** @return whether more is better (only req/s) */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return the per-trial figure, when the quantity is measured per trial by today's workloads */
    Optional<ToDoubleFunction<Trial>> perTrial() {
        return Optional.ofNullable(perTrial);
    }

    /** @return the per-contestant figure (start-up time, idle memory), if this is one */
    Optional<java.util.function.Function<Contestant, Double>> perContestant() {
        return Optional.ofNullable(perContestant);
    }

    /** @return the catalog names, comma-separated, for messages */
    static String choices() {
        return Arrays.stream(values()).map(Quantity::id).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException for an unknown name */
    static Quantity of(String id) {
        return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id));
    }
}
