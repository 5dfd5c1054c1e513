package dev.stackbench.runner.suite;

import dev.stackbench.lab.manifest.Workload;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Parameters of the workloads, and the requests each workload sends under load (docs/api.md).
 *
 * @param ioMillis how long {@code /io} waits, milliseconds, 0..10000
 * @param cpuN     the {@code n} of {@code /cpu}, 1..1000000
 */
public record WorkloadParams(int ioMillis, int cpuN) {
    /** /io?ms=50 and /cpu?n=10000 (1229 primes). */
    public static final WorkloadParams DEFAULT = new WorkloadParams(50, 10_000);
    /** Users in the database: ids 1..USERS. */
    public static final int USERS = 10_000;
    /** The workloads a suite can measure today. */
    public static final List<Workload> MEASURABLE = List.of(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU);

    public WorkloadParams {
        if (ioMillis < 0 || ioMillis > 10_000) {
            throw new IllegalArgumentException("io milliseconds (" + ioMillis + ") must be between 0 and 10000");
        }
        if (cpuN < 1 || cpuN > 1_000_000) {
            throw new IllegalArgumentException("cpu n (" + cpuN + ") must be between 1 and 1000000");
        }
    }

    /** @return the request targets of {@code w}, one picked at random per request */
    public List<String> paths(Workload w) {
        return switch (w) {
            case JSON -> List.of("/json");
            case USER -> IntStream.rangeClosed(1, USERS).mapToObj(i -> "/api/users/" + i).toList();
            case IO -> List.of("/io?ms=" + ioMillis);
            case CPU -> List.of("/cpu?n=" + cpuN);
            default -> throw new IllegalArgumentException("workload '" + w.label() + "' cannot be measured yet: expected one of json, user, io, cpu");
        };
    }

    /**
     * @return the request target of {@code w} as one request kind of a mix sends it, templates for its
     *     random part ({@code /api/users/{random:1..10000}}: a user id drawn per request, as {@link #paths} does)
     */
    public String template(Workload w) {
        return w == Workload.USER ? "/api/users/{random:1.." + USERS + "}" : paths(w).get(0);
    }

    /**
     * @return the measurable workload named {@code label}
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Workload parse(String label) {
        return MEASURABLE.stream().filter(w -> w.label().equals(label.trim().toLowerCase(java.util.Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + label + "': expected one of json, user, io, cpu"));
    }
}
