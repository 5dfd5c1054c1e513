package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.contestant.LabSession;
import dev.stackbench.lab.db.Database;
import dev.stackbench.lab.proc.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where and how the lab starts contestants, shared by {@code verify} and {@code serve}. */
final class LabOptions {
    @Option(names = "--db-url", paramLabel = "URL",
            description = "Use this PostgreSQL (postgresql://USER:PASSWORD@HOST:PORT/NAME, holding the users table"
                    + " of docs/api.md) instead of starting a private one.")
    String dbUrl;

    @Option(names = "--server-cpus", paramLabel = "CPUS", defaultValue = LabDefaults.SERVER_CPUS,
            description = "CPU set the contestants run on (taskset -c form); its size is their CPU budget.")
    String serverCpus;

    @Option(names = "--db-cpus", paramLabel = "CPUS",
            description = "CPU set of the private PostgreSQL (default: the server CPU set).")
    String dbCpus;

    @Option(names = "--ready-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long a contestant may take to answer 200 on its ready path, e.g. 60s or 2m.")
    Duration readyTimeout = LabDefaults.READY_TIMEOUT;

    /**
     * @return what the lab is asked for, every option checked; its logs directory is still to be
     *     chosen ({@link LabSession.Request#withLogs}), so that a wrong option creates nothing
     * @throws InvalidInputException naming the option, the value and what was expected
     */
    LabSession.Request request() {
        CpuSet cpus = CpuSetArgument.parse("--server-cpus", serverCpus);
        CpuSet databaseCpus = dbCpus == null ? cpus : CpuSetArgument.parse("--db-cpus", dbCpus);
        if (readyTimeout.isZero()) {
            throw new InvalidInputException("--ready-timeout (" + DurationFormat.format(readyTimeout) + ") must be more than 0, e.g. 60s");
        }
        return new LabSession.Request(cpus, databaseCpus, Optional.ofNullable(dbUrl).map(Database::parseUrl), Path.of(""), readyTimeout);
    }
}
