package dev.stackbench.results;

import java.util.Objects;

/**
 * CPU sets in the Linux cpuset list syntax ({@code "0"}, {@code "1-3"}, {@code "0,2"}).
 * Generator and server sets are disjoint so that the generator never steals the server's CPU.
 *
 * @param generator CPUs of the load generator
 * @param server CPUs of the contestant's processes
 * @param database CPUs of PostgreSQL
 */
public record CpuSets(String generator, String server, String database) {
    public CpuSets {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
    }
}
