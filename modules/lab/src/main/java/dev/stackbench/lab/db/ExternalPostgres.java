package dev.stackbench.lab.db;

import dev.stackbench.lab.EnvironmentException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
    public void close() {
        // not ours to stop
    }
}
