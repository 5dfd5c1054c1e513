package dev.stackbench.lab.db;

import dev.stackbench.lab.EnvironmentException;
import dev.stackbench.lab.StartException;
import dev.stackbench.lab.cgroup.Cgroups;
import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.proc.CommandResult;
import dev.stackbench.lab.proc.CommandRunner;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.lab.proc.Exit;
import dev.stackbench.lab.proc.FreePort;
import dev.stackbench.lab.proc.OsUser;
import dev.stackbench.lab.proc.ServerProcess;
import dev.stackbench.lab.proc.ServerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A private PostgreSQL cluster for one command: {@code initdb} into a temporary directory,
 * {@code postgres} on a free loopback port (pinned to a CPU set, as an unprivileged user: PostgreSQL
 * refuses root), database {@code stackbench} holding the {@code users} table of docs/api.md.
 * {@link #close()} stops it and deletes the directory; so do Ctrl-C (shutdown hook) and the death
 * of the JVM (watchdog). As root it runs in a cgroup of its own, so that its CPU and memory are
 * measured beside the contestant's ({@link #monitor()}).
 *
 * <p>Its exit is noticed at once ({@link #onExit()}, {@link #exited()}), and {@link #restart()}
 * starts it again on the same data directory and, when it is still free, the same port.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.start(Optional.of(CpuSet.parse("1")), logsDir)) {
 *     Map<String, String> env = pg.database().env(Database.DEFAULT_POOL);
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class EmbeddedPostgres implements DatabaseServer {
    /** Database and role name. */
    public static final String NAME = "stackbench";
    /** Connections the private PostgreSQL accepts: every contestant's pools at once, with room to spare. */
    public static final int MAX_CONNECTIONS = 1000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final PostgresBinaries bin;
    private final OsUser user;
    private final Optional<CpuSet> cpus;
    private final Path logsDir;
    private final Cgroups cgroups;
    private final Thread shutdownHook;
    private volatile ServerProcess server;
    private volatile Database database;
    private int restarts;
    private boolean closed;

    private EmbeddedPostgres(Path dir, PostgresBinaries bin, OsUser user, Optional<CpuSet> cpus, Path logsDir,
                             Cgroups cgroups, Database database) {
        this.dir = dir;
        this.bin = bin;
        this.user = user;
        this.cpus = cpus;
        this.logsDir = logsDir;
        this.cgroups = cgroups;
        this.database = database;
        // the server's own hook stops it; this one also removes the directory (Ctrl-C)
        this.shutdownHook = new Thread(this::close, "stackbench-remove-postgresql");
    }

    /**
     * Creates, starts and fills the cluster. Logs go to {@code logsDir/postgresql.*.log}.
     *
     * @param cpus    CPU set the server runs on; empty: not pinned
     * @param logsDir directory for its logs (created if missing)
     * @throws EnvironmentException when the binaries are missing or initdb fails
     * @throws StartException when the server does not accept connections within 60 s
     */
    public static EmbeddedPostgres start(Optional<CpuSet> cpus, Path logsDir) {
        return start(cpus, logsDir, Cgroups.detect());
    }

    /**
     * As {@link #start(Optional, Path)}, in a cgroup made by {@code cgroups} when they are usable.
     */
    public static EmbeddedPostgres start(Optional<CpuSet> cpus, Path logsDir, Cgroups cgroups) {
        PostgresBinaries bin = PostgresBinaries.find();
        CommandRunner plain = new CommandRunner(Map.of());
        OsUser user = OsUser.unprivileged(plain);
        Path dir;
        try {
            Files.createDirectories(logsDir);
            dir = Files.createTempDirectory("stackbench-pg-");
            user.own(dir);
        } catch (IOException e) {
            throw new EnvironmentException("cannot prepare a PostgreSQL directory: " + e.getMessage(), e);
        }
        try {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path data = dir.resolve("data");
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, password + "\n");
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            user.own(pwfile);
            CommandRunner asUser = new CommandRunner(user.env());
            CommandResult initdb = asUser.run(user.command(List.of(bin.program("initdb"), "-D", data.toString(),
                            "-U", NAME, "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256",
                            "-E", "UTF8", "--locale=C", "--no-sync")),
                    dir, INITDB_TIMEOUT, logsDir.resolve("postgresql.initdb.log"));
            Files.deleteIfExists(pwfile);
            if (!initdb.ok()) {
                throw new EnvironmentException("PostgreSQL initdb failed (" + initdb.failure() + ") as user " + user.name()
                        + "; last lines:\n  " + String.join("\n  ", initdb.lastLines(20)));
            }
            Database database = new Database("127.0.0.1", FreePort.pick(), NAME, NAME, password);
            EmbeddedPostgres pg = new EmbeddedPostgres(dir, bin, user, cpus, logsDir, cgroups, database);
            try {
                Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
            } catch (IllegalStateException e) {
                throw new EnvironmentException("not starting PostgreSQL: Stackbench is shutting down");
            }
            try {
                pg.server = pg.spawn("postgresql");
                pg.awaitReady(true);
                pg.load();
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
            return pg;
        } catch (IOException e) {
            deleteTree(dir);
            throw new EnvironmentException("cannot prepare PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Starts postgres on the data directory and {@link #database}'s port; logs to {@code <logName>.stdout.log}, {@code .stderr.log}. */
    private ServerProcess spawn(String logName) {
        List<String> argv = new ArrayList<>(List.of(bin.program("postgres"), "-D", dir.resolve("data").toString(),
                "-p", Integer.toString(database.port()), "-k", dir.toString(),
                // every contestant of a run stays up with its pools open (about 10 connections per
                // process; twenty contestants hold some 250): room for all of them at once
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=" + MAX_CONNECTIONS,
                // the data is loaded once and only read: durability buys nothing here
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        return ServerProcess.start(new ServerSpec("postgresql", user.command(argv), dir, user.env(), cpus,
                logsDir.resolve(logName + ".stdout.log"), logsDir.resolve(logName + ".stderr.log"),
                "INT", Duration.ofSeconds(10), Optional.of(dir)), cgroups);
    }

    /** @param create true the first time: creates the database; after a restart it only connects to it */
    private void awaitReady(boolean create) {
        Database admin = create ? new Database(database.host(), database.port(), "postgres", database.user(), database.password())
                : database;
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new StartException("postgresql", "PostgreSQL exited before accepting connections ("
                        + server.exitDescription() + ")" + server.logTail(20));
            }
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                 Statement s = c.createStatement()) {
                s.execute(create ? "CREATE DATABASE " + NAME : "SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
                sleep();
            }
        }
        throw new StartException("postgresql", "PostgreSQL did not accept connections on port " + database.port()
                + " within " + READY_TIMEOUT.toSeconds() + " s (" + server.exitDescription() + ", last error: "
                + (last == null ? "none" : last.getMessage()) + ")" + server.logTail(20));
    }

    private void load() {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            UsersTable.create(c);
            try (Statement s = c.createStatement()) {
                // commits are asynchronous (synchronous_commit=off): without a checkpoint, a
                // postmaster killed now would lose the rows, and restart() could not bring them back
                s.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new EnvironmentException("cannot load the users table into PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }

    @Override
    public Database database() {
        return database;
    }

    /** @return the postmaster's pid (its session and process group id); a new one after {@link #restart()} */
    public long pid() {
        return server.pid();
    }

    /** @return true while the postmaster runs */
    @Override
    public boolean alive() {
        return server.isAlive();
    }

    /**
     * @return how the postmaster ended, once it has (signal or exit code, the last lines of
     *         {@code postgresql.stderr.log}); empty while it runs. After {@link #restart()}, that of
     *         the new one.
     */
    @Override
    public Optional<Exit> exited() {
        return server.exited();
    }

    /** @return completes the moment the current postmaster exits */
    public CompletableFuture<Exit> onExit() {
        return server.onExit();
    }

    /** @return a new monitor of the current server: its cgroup as root, else its /proc tree (single use) */
    @Override
    public Optional<ServerMonitor> monitor() {
        return Optional.of(ServerMonitor.of(server));
    }

    /** @return how many times {@link #restart()} started it again */
    public synchronized int restarts() {
        return restarts;
    }

    /**
     * Starts PostgreSQL again on the same data directory, after it exited (or while it runs: it
     * is stopped first). Whatever is left of the old server (backends, its cgroup) is removed
     * first; PostgreSQL then recovers from its last state. It listens on the same port when that
     * is still free, else on a new one: compare {@link #database()} before and after, since
     * contestants started with the old port must then be restarted. Its logs go to
     * {@code postgresql.restart-N.stdout.log} and {@code .stderr.log}, keeping the crash's.
     *
     * @return how to connect now
     * @throws StartException when it does not accept connections within 60 s
     * @throws EnvironmentException when the users table is no longer that of docs/api.md, or
     *                              after {@link #close()}
     */
    public synchronized Database restart() {
        if (closed) {
            throw new EnvironmentException("cannot restart PostgreSQL: it was closed and its directory removed");
        }
        server.stop();
        if (!FreePort.isFree(database.port())) {
            database = new Database(database.host(), FreePort.pick(), database.name(), database.user(), database.password());
        }
        restarts++;
        server = spawn("postgresql.restart-" + restarts);
        try {
            awaitReady(false);
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
                String problem = UsersTable.problem(c);
                if (problem != null) {
                    throw new EnvironmentException("PostgreSQL restarted in " + dir + " but its " + problem);
                }
            } catch (SQLException e) {
                throw new EnvironmentException("PostgreSQL restarted but cannot be read: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            server.stop(); // not usable: the database workloads stop, and nothing is left running
            throw e;
        }
        return database;
    }

    /** @return the temporary directory holding the cluster; gone after {@link #close()} */
    public Path dir() {
        return dir;
    }

    /** @return the running server process (to monitor it, or to list its tree) */
    public ServerProcess process() {
        return server;
    }

    /** Stops the server (fast shutdown, then SIGKILL) and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop();
        }
        deleteTree(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this very hook may be what called us
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete PostgreSQL's directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
