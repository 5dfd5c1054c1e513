package dev.stackbench.lab.manifest;

import java.util.Locale;

/** A named request pattern a contestant may support (docs/api.md, DESIGN.md). */
public enum Workload {
    /** {@code GET /json}. */
    JSON,
    /** {@code GET /api/users/{id}}: one PostgreSQL row. */
    USER,
    /** {@code GET /io?ms=N}: awaits a slow upstream. */
    IO,
    /** {@code GET /cpu?n=N}: counts primes by trial division. */
    CPU,
    /** WebSocket fan-out (spec v2). */
    REALTIME;

    /** @return the name used in manifests and on the command line, e.g. {@code json} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
