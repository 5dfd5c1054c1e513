package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.TextTable;
import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.contestant.InstallStatus;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.LabSession;
import dev.stackbench.lab.db.Database;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.runner.Serve;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stackbench serve ID...}: contestants up, as a run starts them, for the user's own tools. */
@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Start contestants and keep them running for your own tools.",
                "Each is started as a run starts it (pinned to the server CPUs, the private PostgreSQL, verified against"
                        + " docs/api.md); their URLs are printed and they run until Ctrl-C, so any load tool can be pointed at them."},
        footer = {"", "Example:", "  stackbench serve fastify express", "  wrk -t1 -c100 -d10s http://127.0.0.1:PORT/json"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ContestantsDirOption contestantsDir;

    @Parameters(paramLabel = "ID", arity = "1..*", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER, description = "Contestants to serve.")
    List<String> ids = new ArrayList<>();

    @Mixin
    LabOptions lab;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LabSession.Request base = lab.request();
        List<Manifest> manifests = new ArrayList<>();
        Installation installation = Installation.fromEnvironment();
        for (Catalog.Entry e : contestantsDir.load().select(ids)) {
            if (e instanceof Catalog.Invalid invalid) {
                throw new UserException(ExitCode.CHECK_FAILED, "contestant '" + invalid.id() + "' has an invalid manifest: " + invalid.error().getMessage());
            }
            Manifest m = ((Catalog.Valid) e).manifest();
            if (installation.status(m) instanceof InstallStatus.NotInstalled n) {
                throw new UserException(ExitCode.CHECK_FAILED, "contestant '" + m.id() + "' is not installed (" + n.reason() + "); run: stackbench setup " + m.id());
            }
            manifests.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path logs = Files.createTempDirectory("stackbench-serve-");
        LabSession.Request request = base.withLogs(logs);
        Interruption interruption = Interruption.install();
        try (LabSession session = LabSession.open(request, manifests, line -> say(out, line));
             Serve serve = Serve.start(session.launcher(), manifests, line -> say(out, line))) {
            serve.failures().forEach(f -> say(out, "not served: " + f));
            if (serve.served().isEmpty()) {
                throw new UserException(ExitCode.CHECK_FAILED, "no contestant could be served; logs: " + logs);
            }
            out.println();
            TextTable served = new TextTable(TextTable.left("CONTESTANT"), TextTable.left("URL"), TextTable.right("WORKERS"),
                    TextTable.right("READY IN"));
            for (Serve.Served s : serve.served()) {
                served.row(s.id(), s.url().toString(), Integer.toString(s.workers()), DurationFormat.micros(s.startupMillis() * 1000.0));
            }
            served.print(out);
            session.database().ifPresent(db -> out.println("database: " + db.database()));
            out.println("logs: " + logs);
            out.println("serving; press Ctrl-C to stop them all.");
            out.flush();
            while (true) {
                Thread.sleep(500);
                Optional<String> exited = serve.exited();
                if (exited.isPresent()) {
                    throw new UserException(ExitCode.CHECK_FAILED, "contestant " + exited.get() + "; stopping the others. Logs: " + logs);
                }
            }
        } catch (InterruptedException e) {
            out.println();
            out.println("stopped.");
            out.flush();
            return ExitCode.INTERRUPTED.code();
        } finally {
            interruption.remove();
        }
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
