package dev.stackbench.contestant.springboot;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads table {@code users} through JdbcTemplate and the auto-configured HikariCP pool. */
@Repository
class UserRepository {

    record User(int id, String name, String email) {}

    private static final String FIND_BY_ID = "SELECT id, name, email FROM users WHERE id = ?";

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One query; empty when no row has this id. */
    Optional<User> find(int id) {
        return jdbc.query(FIND_BY_ID,
                        (rs, rowNum) -> new User(rs.getInt("id"), rs.getString("name"), rs.getString("email")),
                        id)
                .stream()
                .findFirst();
    }
}
