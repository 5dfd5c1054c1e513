package dev.stackbench.lab.monitor;

import dev.stackbench.lab.proc.KernelUnits;
import dev.stackbench.lab.proc.ServerProcess;
import java.time.Duration;

/**
 * Measures what one server uses over a window: start it right when the measured interval starts,
 * stop it right when it ends. Cumulative counters are read at both ends; memory is sampled every
 * interval in between, on a daemon thread.
 *
 * <pre>{@code
 * ServerMonitor monitor = ServerMonitor.of(contestant.process());
 * monitor.start();
 * ... measured interval ...
 * ResourceSummary used = monitor.stop();   // used.source(): cgroup or proc
 * }</pre>
 *
 * Single use: start once, stop once, not concurrently.
 */
public sealed interface ServerMonitor permits CgroupMonitor, TreeMonitor {
    /** The sampling interval used unless told otherwise. */
    Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    /**
     * @return a {@link CgroupMonitor} when the server runs in a cgroup of its own, else a
     *         {@link TreeMonitor} over its {@code /proc} tree; sampling every {@link #DEFAULT_INTERVAL}
     */
    static ServerMonitor of(ServerProcess server) {
        return of(server, DEFAULT_INTERVAL);
    }

    /** As {@link #of(ServerProcess)}, sampling every {@code interval} (> 0). */
    static ServerMonitor of(ServerProcess server, Duration interval) {
        return server.cgroup().<ServerMonitor>map(g -> new CgroupMonitor(g, interval))
                .orElseGet(() -> new TreeMonitor(server.pid(), KernelUnits.read(), interval));
    }

    /** Reads the counters (the window starts here) and starts sampling. */
    void start();

    /**
     * Stops sampling and reads the counters again (the window ends here).
     *
     * @return what the server used since {@link #start()}
     */
    ResourceSummary stop();
}
