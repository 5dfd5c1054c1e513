package dev.stackbench.lab.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.lab.proc.FreePort;
import dev.stackbench.lab.proc.OsUser;
import dev.stackbench.lab.proc.ProcStat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @Test
    @Timeout(120)
    void runsUnprivilegedHoldsTheTenThousandUsersAndLeavesNothingBehind(@TempDir Path logs) throws Exception {
        Path dir;
        long pid;
        int port;
        List<Long> tree;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(Optional.of(CpuSet.online()), logs)) {
            Database db = pg.database();
            dir = pg.dir();
            pid = pg.pid();
            port = db.port();
            tree = pg.process().treePids();
            assertThat(db.host()).isEqualTo("127.0.0.1");
            assertThat(tree).contains(pid).hasSizeGreaterThan(1); // postmaster + its background workers
            assertThat(uidOf(pid)).isNotEqualTo(OsUser.currentIsRoot() ? 0 : -1);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), (SELECT name || ' ' || email FROM users WHERE id = 42) FROM users")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(10_000);
                assertThat(r.getString(2)).isEqualTo("User 42 user42@example.com");
                assertThat(UsersTable.problem(c)).isNull();
            }
            assertThat(db.env(10)).containsEntry("DB_PORT", Integer.toString(port))
                    .containsEntry("DB_URL", "postgresql://stackbench:" + db.password() + "@127.0.0.1:" + port + "/stackbench");
        }
        assertThat(dir).doesNotExist();
        assertThat(tree).allMatch(p -> ProcStat.read(p).map(ProcStat::zombie).orElse(true));
        assertThat(FreePort.isFree(port)).isTrue();
        assertThat(Files.readString(logs.resolve("postgresql.stderr.log"))).contains("database system is shut down");
    }

    private static int uidOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.split("\\s+")[1]);
            }
        }
        return -1;
    }
}
