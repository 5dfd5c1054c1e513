package dev.stackbench.lab.contestant;

import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.proc.ServerProcess;
import java.net.URI;

/**
 * A contestant that answered 200 on its ready path. Closing it stops its whole process tree.
 *
 * @param manifest      what was started
 * @param process       its process (tree root, session and group leader)
 * @param port          the loopback port it listens on
 * @param workers       the WORKERS it was given
 * @param startupMillis from spawn to the first 200 on the ready path, in milliseconds
 */
public record RunningContestant(Manifest manifest, ServerProcess process, int port, int workers, long startupMillis)
        implements AutoCloseable {

    /** @return {@code http://127.0.0.1:PORT} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the whole process tree (workers included); idempotent. */
    @Override
    public void close() {
        process.stop();
    }
}
