package dev.stackbench.lab.db;

import dev.stackbench.lab.EnvironmentException;
import dev.stackbench.lab.monitor.ServerMonitor;
import dev.stackbench.lab.proc.Exit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** A PostgreSQL server that was already running ({@code --db-url}); Stackbench never stops it. */
public record ExternalPostgres(Database database) implements DatabaseServer {

    /**
     * Connects once and checks that the {@code users} table is that of docs/api.md.
     *
     * @throws EnvironmentException when it cannot connect or the table is wrong
     */
    public static ExternalPostgres connect(Database database) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            String problem = UsersTable.problem(c);
            if (problem != null) {
                throw new EnvironmentException("--db-url " + database + ": " + problem);
            }
            return new ExternalPostgres(database);
        } catch (SQLException e) {
            throw new EnvironmentException("--db-url " + database + ": cannot connect: "
                    + e.getMessage().lines().findFirst().orElse("") + " (is the server running, the password right?)", e);
        }
    }

    @Override
    public boolean alive() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(database.host(), database.port()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<Exit> exited() {
        return Optional.empty();
    }

    @Override
    public Optional<ServerMonitor> monitor() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
