package dev.stackbench.lab.contestant;

import dev.stackbench.lab.db.DatabaseServer;
import dev.stackbench.lab.db.EmbeddedPostgres;
import dev.stackbench.lab.monitor.ResourceSummary;
import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.proc.Exit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches one trial's servers over its measured window: the contestant's and the database's CPU
 * and memory ({@link ServerMonitor}s started and stopped together), and their exits, noticed the
 * moment they happen.
 *
 * <pre>{@code
 * TrialWatch watch = TrialWatch.start(contestant, Optional.ofNullable(db));  // as the window opens
 * watch.onFault().thenRun(generator::abort);                                 // optional: end at once
 * ... measured window ...
 * TrialUsage usage = watch.stop();                                           // as it closes
 * if (usage.fault().isPresent()) { invalid trial; blame usage.fault().get().blamesDatabase() ? db : contestant }
 * }</pre>
 *
 * A database fault wins over a contestant's: a contestant that exits once its database is gone
 * is not to blame. Single use; thread-safe.
 */
public final class TrialWatch {
    private final RunningContestant contestant;
    private final Optional<DatabaseServer> database;
    private final ServerMonitor contestantMonitor;
    private final Optional<ServerMonitor> databaseMonitor;
    private final AtomicReference<Fault> contestantFault = new AtomicReference<>();
    private final AtomicReference<Fault> databaseFault = new AtomicReference<>();
    private final CompletableFuture<Fault> first = new CompletableFuture<>();

    private TrialWatch(RunningContestant contestant, Optional<DatabaseServer> database) {
        this.contestant = contestant;
        this.database = database;
        this.contestantMonitor = contestant.monitor();
        this.databaseMonitor = database.flatMap(DatabaseServer::monitor);
    }

    /**
     * Starts both monitors (the window opens now) and watches both servers. A server already
     * down is a fault at once.
     *
     * @param database the database the contestant uses in this trial; empty: none
     */
    public static TrialWatch start(RunningContestant contestant, Optional<DatabaseServer> database) {
        TrialWatch watch = new TrialWatch(contestant, database);
        watch.databaseMonitor.ifPresent(ServerMonitor::start);
        watch.contestantMonitor.start();
        String id = contestant.manifest().id();
        contestant.onExit().thenAccept(exit -> {
            if (!exit.stoppedByLab()) {
                watch.record(watch.contestantFault, new Fault.ContestantExited(id, exit));
            }
        });
        database.ifPresent(db -> {
            if (db instanceof EmbeddedPostgres pg) {
                pg.onExit().thenAccept(exit -> {
                    if (!exit.stoppedByLab()) {
                        watch.record(watch.databaseFault, new Fault.DatabaseExited(exit));
                    }
                });
            }
        });
        return watch;
    }

    private void record(AtomicReference<Fault> slot, Fault fault) {
        if (slot.compareAndSet(null, fault)) {
            first.complete(fault);
        }
    }

    /** @return completes at the first fault (on the thread that noticed it); never if none happens */
    public CompletableFuture<Fault> onFault() {
        return first;
    }

    /** @return the fault so far, the database's first; empty while both are up */
    public Optional<Fault> fault() {
        return Optional.ofNullable(databaseFault.get()).or(() -> Optional.ofNullable(contestantFault.get()));
    }

    /**
     * Stops both monitors (the window closes now) and checks once more that both servers are up
     * (a database given by URL is checked here, with a TCP connection).
     *
     * @return what they used and the fault, if any
     */
    public TrialUsage stop() {
        ResourceSummary used = contestantMonitor.stop();
        Optional<ResourceSummary> db = databaseMonitor.map(ServerMonitor::stop);
        contestant.exited().filter(e -> !e.stoppedByLab())
                .ifPresent(e -> record(contestantFault, new Fault.ContestantExited(contestant.manifest().id(), e)));
        database.ifPresent(d -> {
            Optional<Exit> exit = d.exited().filter(e -> !e.stoppedByLab());
            if (exit.isPresent()) {
                record(databaseFault, new Fault.DatabaseExited(exit.get()));
            } else if (!d.alive()) {
                record(databaseFault, new Fault.DatabaseUnreachable(d.database().toString()));
            }
        });
        return new TrialUsage(used, db, fault());
    }
}
