package dev.stackbench.lab.db;

import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.proc.Exit;
import java.util.Optional;

/**
 * The database the contestants of one command read: either started by Stackbench or already
 * running. Closing it stops and removes what Stackbench started, and nothing else.
 */
public sealed interface DatabaseServer extends AutoCloseable permits EmbeddedPostgres, ExternalPostgres {
    /** @return how to connect */
    Database database();

    /**
     * @return true while it runs: for the private server, while its postmaster runs; for one
     *         given by URL, while its port accepts a TCP connection (within 1 s)
     */
    boolean alive();

    /** @return how the private server's postmaster ended, once it has; always empty for one given by URL */
    Optional<Exit> exited();

    /** @return a new monitor of the private server's CPU and memory; empty for one given by URL (not ours to measure) */
    Optional<ServerMonitor> monitor();

    /** Stops and removes what Stackbench started; idempotent. */
    @Override
    void close();
}
