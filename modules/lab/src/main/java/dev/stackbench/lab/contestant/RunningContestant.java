package dev.stackbench.lab.contestant;

import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.proc.Exit;
import dev.stackbench.lab.proc.ServerProcess;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A contestant that answered 200 on its ready path. Closing it stops its whole process tree and
 * removes its cgroup.
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

    /**
     * @return how it ended, once its root process has exited (exit code or signal, the last lines
     *         of its stderr, {@link Exit#stoppedByLab()} false for a crash); empty while it runs
     */
    public Optional<Exit> exited() {
        return process.exited();
    }

    /** @return completes the moment its root process exits, e.g. to abort a trial at once */
    public CompletableFuture<Exit> onExit() {
        return process.onExit();
    }

    /** @return a new monitor of it: its cgroup when it has one, else its /proc tree (single use) */
    public ServerMonitor monitor() {
        return ServerMonitor.of(process);
    }

    /**
     * Waits until it answers its ready path again (any HTTP status), probing every 100 ms on a fresh
     * connection with a 1 s limit each: after a trial that flooded it (10,000 connections against a
     * sync worker pool), its accept queue can hold the previous trial's dead connections for seconds,
     * and a trial started then measures that aftermath instead of the server.
     *
     * @param max the longest wait
     * @return how long it took to answer, or empty when it did not within {@code max} (or exited)
     */
    public Optional<java.time.Duration> awaitResponsive(java.time.Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() < deadline && exited().isEmpty()) {
            try {
                ReadyProbe.status(port, manifest.ready(), java.time.Duration.ofSeconds(1));
                return Optional.of(java.time.Duration.ofNanos(System.nanoTime() - start));
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        return Optional.empty();
    }

    /** Stops the whole process tree (workers included) and removes its cgroup; idempotent. */
    @Override
    public void close() {
        process.stop();
    }
}
