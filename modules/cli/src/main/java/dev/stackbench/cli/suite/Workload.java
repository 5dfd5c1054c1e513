package dev.stackbench.cli.suite;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A named request pattern of the Stackbench API (docs/api.md).
 */
public enum Workload {
    /** {@code GET /json}: framework overhead, no I/O. */
    JSON,
    /** {@code GET /api/users/{id}}, id random in 1..10000: one PostgreSQL row. */
    USER,
    /** {@code GET /io?ms=N}: waits on a slow upstream. */
    IO,
    /** {@code GET /cpu?n=N}: counts primes by trial division in the contestant's language. */
    CPU;

    /** Users in the database, ids 1..USERS. */
    public static final int USERS = 10_000;

    /** @return the lower-case name used in suites, manifests and reports */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the request targets to pick from at random */
    public List<String> paths(WorkloadParams p) {
        return switch (this) {
            case JSON -> List.of("/json");
            case USER -> IntStream.rangeClosed(1, USERS).mapToObj(i -> "/api/users/" + i).toList();
            case IO -> List.of("/io?ms=" + p.ioMillis());
            case CPU -> List.of("/cpu?n=" + p.cpuN());
        };
    }

    /** @return a short description with the parameters, for reports */
    public String describe(WorkloadParams p) {
        return switch (this) {
            case JSON -> "GET /json";
            case USER -> "GET /api/users/{1.." + USERS + "}";
            case IO -> "GET /io?ms=" + p.ioMillis();
            case CPU -> "GET /cpu?n=" + p.cpuN();
        };
    }

    /**
     * @return the workload named {@code id}
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Workload parse(String id) {
        for (Workload w : values()) {
            if (w.id().equals(id.toLowerCase(Locale.ROOT).trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "': expected one of json, user, io, cpu");
    }
}
