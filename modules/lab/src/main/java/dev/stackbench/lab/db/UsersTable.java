package dev.stackbench.lab.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The {@code users} table of docs/api.md: 10,000 rows {@code (i, 'User i', 'useri@example.com')}. */
public final class UsersTable {
    /** Rows the table holds; ids are 1..ROWS. */
    public static final int ROWS = 10_000;

    private UsersTable() {
    }

    /** Creates and fills the table (the SQL of docs/api.md), then analyses it. */
    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL)");
            s.execute("INSERT INTO users (id, name, email) SELECT i, 'User ' || i, 'user' || i || '@example.com'"
                    + " FROM generate_series(1, " + ROWS + ") AS i");
            s.execute("ANALYZE users");
        }
    }

    /**
     * @return a description of what is wrong with the table, or null when it holds exactly the
     *         rows of docs/api.md (count, ids 1..10000, row 42 spelled right)
     */
    public static String problem(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), min(id), max(id),"
                     + " count(*) FILTER (WHERE name = 'User ' || id AND email = 'user' || id || '@example.com')"
                     + " FROM users")) {
            r.next();
            long count = r.getLong(1);
            long good = r.getLong(4);
            if (count != ROWS || r.getLong(2) != 1 || r.getLong(3) != ROWS || good != ROWS) {
                return "table users has " + count + " rows (ids " + r.getLong(2) + ".." + r.getLong(3) + ", "
                        + good + " as in docs/api.md); expected " + ROWS + " rows, ids 1.." + ROWS;
            }
            return null;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return "there is no table users; create it with the SQL of docs/api.md";
            }
            throw e;
        }
    }
}
