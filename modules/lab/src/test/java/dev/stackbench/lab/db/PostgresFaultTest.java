package dev.stackbench.lab.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.lab.FakeContestants;
import dev.stackbench.lab.cgroup.Cgroup;
import dev.stackbench.lab.cgroup.Cgroups;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.Fault;
import dev.stackbench.lab.contestant.LaunchSettings;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.contestant.TrialUsage;
import dev.stackbench.lab.contestant.TrialWatch;
import dev.stackbench.lab.monitor.MonitorSource;
import dev.stackbench.lab.monitor.ResourceSummary;
import dev.stackbench.lab.proc.Exit;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PostgresFaultTest {
    @TempDir
    Path logs;

    @Test
    @Timeout(180)
    void killingThePostmasterMidTrialIsBlamedOnTheDatabaseAndRestartBringsBackTheUsersOnTheSamePort() throws Exception {
        Cgroups cgroups = Cgroups.detect();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(Optional.of(FakeContestants.serverCpus()), logs, cgroups)) {
            Database before = pg.database();
            LaunchSettings settings = new LaunchSettings(FakeContestants.serverCpus(), Optional.of(before), 10, logs,
                    Duration.ofSeconds(20), Duration.ofSeconds(2));
            try (RunningContestant c = new ContestantLauncher(settings, cgroups).start(FakeContestants.burner())) {
                TrialWatch watch = TrialWatch.start(c, Optional.of(pg));
                long oldPid = pg.pid();
                Optional<Cgroup> oldGroup = pg.process().cgroup();
                new ProcessBuilder("kill", "-KILL", Long.toString(oldPid)).start().waitFor();

                Fault fault = watch.onFault().get(10, TimeUnit.SECONDS);
                assertThat(fault).isInstanceOf(Fault.DatabaseExited.class);
                assertThat(fault.blamesDatabase()).isTrue();
                assertThat(fault.describe()).startsWith("the database (PostgreSQL) was killed by SIGKILL");
                assertThat(pg.alive()).isFalse();
                assertThat(pg.exited().flatMap(Exit::signalName)).contains("SIGKILL");
                TrialUsage usage = watch.stop();
                assertThat(usage.fault()).contains(fault);
                assertThat(c.exited()).as("the contestant is not to blame, and still runs").isEmpty();

                Database after = pg.restart();
                assertThat(after).isEqualTo(before);
                assertThat(pg.restarts()).isEqualTo(1);
                assertThat(pg.pid()).isNotEqualTo(oldPid);
                assertThat(pg.alive()).isTrue();
                assertThat(pg.exited()).isEmpty();
                oldGroup.ifPresent(g -> assertThat(g.dirs()).noneMatch(d -> d.toFile().exists()));
                assertThat(pg.process().cgroup().isPresent()).isEqualTo(cgroups.usable());
                try (Connection conn = DriverManager.getConnection(after.jdbcUrl(), after.user(), after.password())) {
                    assertThat(UsersTable.problem(conn)).isNull();
                    try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM users")) {
                        r.next();
                        assertThat(r.getLong(1)).isEqualTo(10_000);
                    }
                }
                assertThat(logs.resolve("postgresql.stderr.log")).exists();
                assertThat(logs.resolve("postgresql.restart-1.stderr.log")).exists();
            }
        }
    }

    @Test
    @Timeout(180)
    void restartMovesToAFreePortWhenItsOldOneIsTakenAndSaysSo() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(Optional.of(FakeContestants.serverCpus()), logs)) {
            Database before = pg.database();
            new ProcessBuilder("kill", "-KILL", Long.toString(pg.pid())).start().waitFor();
            pg.onExit().get(10, TimeUnit.SECONDS);
            // the old backends may hold the port a moment longer: wait until it can be taken
            ServerSocket squatter = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (squatter == null && System.nanoTime() < deadline) {
                try {
                    squatter = new ServerSocket(before.port(), 50, InetAddress.getByName("127.0.0.1"));
                } catch (java.io.IOException e) {
                    Thread.sleep(50);
                }
            }
            assertThat(squatter).isNotNull();
            try (ServerSocket held = squatter) {
                Database after = pg.restart();
                assertThat(after.port()).isNotEqualTo(before.port());
                assertThat(pg.database()).isEqualTo(after);
                assertThat(after.password()).isEqualTo(before.password());
                try (Connection conn = DriverManager.getConnection(after.jdbcUrl(), after.user(), after.password())) {
                    assertThat(UsersTable.problem(conn)).isNull();
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void theDatabaseCpuOfAWindowOfQueriesIsMeasuredBesideTheContestants() throws Exception {
        Cgroups cgroups = Cgroups.detect();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(Optional.of(FakeContestants.serverCpus()), logs, cgroups)) {
            Database db = pg.database();
            try (Connection conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 PreparedStatement q = conn.prepareStatement("SELECT count(*) FROM users u1, users u2 WHERE u1.id <= 500 AND (u1.id + u2.id) % 97 = 0")) {
                var monitor = pg.monitor().orElseThrow();
                monitor.start();
                try (ResultSet r = q.executeQuery()) {
                    r.next(); // a nested loop over 500 x 10,000 rows (no equality to hash on): CPU in a backend, a child of the postmaster
                }
                ResourceSummary used = monitor.stop();
                assertThat(used.source()).isEqualTo(cgroups.usable() ? MonitorSource.CGROUP : MonitorSource.PROC);
                assertThat(used.cpuSeconds()).isGreaterThan(0.05);
                assertThat(used.peakProcesses()).isGreaterThan(3); // postmaster, background workers, our backend
            }
        }
    }
}
