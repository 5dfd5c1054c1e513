package dev.stackbench.lab.db;

/**
 * The database the contestants of one command read: either started by Stackbench or already
 * running. Closing it stops and removes what Stackbench started, and nothing else.
 */
public sealed interface DatabaseServer extends AutoCloseable permits EmbeddedPostgres, ExternalPostgres {
    /** @return how to connect */
    Database database();

    /** Stops and removes what Stackbench started; idempotent. */
    @Override
    void close();
}
