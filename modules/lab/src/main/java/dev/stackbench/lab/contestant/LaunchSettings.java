package dev.stackbench.lab.contestant;

import dev.stackbench.lab.db.Database;
import dev.stackbench.lab.proc.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every contestant of one command gets: the same CPU set, the same database.
 *
 * @param serverCpus   CPU set the contestant runs on; its size is the CPU budget (CPUS)
 * @param database     the database (DB_* variables); empty: none is given
 * @param dbPool       suggested pool size per process (DB_POOL), >= 1
 * @param logsDir      where {@code <id>.stdout.log} and {@code <id>.stderr.log} go
 * @param readyTimeout how long a contestant may take from spawn to its first 200 on its ready path
 * @param stopGrace    how long it may take to stop after SIGTERM before SIGKILL
 */
public record LaunchSettings(CpuSet serverCpus, Optional<Database> database, int dbPool, Path logsDir,
                             Duration readyTimeout, Duration stopGrace) {
    /** Default time to readiness: a JVM framework on one core needs several seconds. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    /** Default time between SIGTERM and SIGKILL. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);

    public LaunchSettings {
        if (dbPool < 1) {
            throw new IllegalArgumentException("dbPool must be >= 1, got " + dbPool);
        }
    }

    /** Settings with the default pool, ready timeout and stop grace. */
    public static LaunchSettings of(CpuSet serverCpus, Optional<Database> database, Path logsDir) {
        return new LaunchSettings(serverCpus, database, Database.DEFAULT_POOL, logsDir, DEFAULT_READY_TIMEOUT,
                DEFAULT_STOP_GRACE);
    }
}
