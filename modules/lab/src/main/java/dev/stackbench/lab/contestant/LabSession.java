package dev.stackbench.lab.contestant;

import dev.stackbench.lab.db.Database;
import dev.stackbench.lab.db.DatabaseServer;
import dev.stackbench.lab.db.EmbeddedPostgres;
import dev.stackbench.lab.db.ExternalPostgres;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lab as one command uses it: the database every contestant shares (a private PostgreSQL, the
 * user's, or none when no contestant implements {@code user}) and the launcher that starts
 * contestants against it with the same CPU set. {@code stackbench run}, {@code verify} and
 * {@code serve} each open one and close it at the end, which stops the private database.
 *
 * <pre>{@code
 * try (LabSession lab = LabSession.open(request, manifests, progress::step)) {
 *     RunningContestant c = lab.launcher().start(manifest);
 * }
 * }</pre>
 *
 * Not thread-safe; one per command.
 */
public final class LabSession implements AutoCloseable {
    private final Request request;
    private final DatabaseServer db;
    private final ContestantLauncher launcher;

    /**
     * What a command asks of the lab.
     *
     * @param serverCpus   the contestants' CPU set; its size is the CPU budget
     * @param databaseCpus the private PostgreSQL's CPU set
     * @param externalDb   the user's PostgreSQL ({@code --db-url}); empty: start a private one
     * @param logsDir      where the contestants' and PostgreSQL's logs go
     * @param readyTimeout how long a contestant may take to become ready
     */
    public record Request(CpuSet serverCpus, CpuSet databaseCpus, Optional<Database> externalDb, Path logsDir, Duration readyTimeout) {
        /** @return the same request with its logs elsewhere */
        public Request withLogs(Path dir) {
            return new Request(serverCpus, databaseCpus, externalDb, dir, readyTimeout);
        }
    }

    private LabSession(Request request, DatabaseServer db) {
        this.request = request;
        this.db = db;
        this.launcher = new ContestantLauncher(new LaunchSettings(request.serverCpus(), Optional.ofNullable(db).map(DatabaseServer::database),
                Database.DEFAULT_POOL, request.logsDir(), request.readyTimeout(), LaunchSettings.DEFAULT_STOP_GRACE));
    }

    /**
     * Starts (or connects to) the database when any of {@code manifests} implements {@code user}:
     * verification checks every workload a contestant implements, and contestants read DB_URL at
     * start, so the database is needed whatever the command measures.
     *
     * @param say one line for people per step (e.g. "database: ... (private, on CPUs 1)")
     * @throws dev.stackbench.lab.EnvironmentException when PostgreSQL cannot be started or reached
     */
    public static LabSession open(Request request, Collection<Manifest> manifests, Consumer<String> say) {
        boolean needsDatabase = manifests.stream().anyMatch(m -> m.supports(Workload.USER));
        DatabaseServer db = !needsDatabase ? null : request.externalDb().isPresent() ? ExternalPostgres.connect(request.externalDb().get())
                : EmbeddedPostgres.start(Optional.of(request.databaseCpus()), request.logsDir());
        if (db != null) {
            say.accept("database: " + db.database() + (request.externalDb().isPresent() ? "" : " (private, on CPUs " + request.databaseCpus() + ")"));
        }
        return new LabSession(request, db);
    }

    /** @return the launcher every contestant of this command starts with */
    public ContestantLauncher launcher() {
        return launcher;
    }

    /** @return the database server, if one was needed */
    public Optional<DatabaseServer> database() {
        return Optional.ofNullable(db);
    }

    /** @return what the command asked for */
    public Request request() {
        return request;
    }

    /** Stops the private database (a user's is left alone). */
    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
