package dev.stackbench.cli;

import dev.stackbench.config.TextTable;
import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.InstallStatus;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.Setup;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stackbench setup [ids]}: installs what contestants need. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Install what the contestants need.",
                "First their Debian packages (apt-get, as root; otherwise it prints the apt-get command to run), then"
                        + " each install command in the contestant's directory, then its check. Exit code 1 when any"
                        + " contestant is left not installed."},
        footer = {"", "Examples:",
                "  stackbench setup",
                "  stackbench setup express fastapi-uvicorn"})
final class SetupCommand implements Callable<Integer> {
    @Mixin
    ContestantsDirOption contestants;

    @Parameters(paramLabel = "ID", arity = "0..*", showDefaultValue = Visibility.NEVER, description = "Contestants to set up (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--logs-dir", paramLabel = "DIR",
            description = "Where setup-<id>.log files go (default: a new stackbench-setup-* temporary directory).")
    Path logsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Catalog catalog = contestants.load();
        List<Catalog.Entry> selected = catalog.select(ids);
        PrintWriter out = spec.commandLine().getOut();
        Path logs = logsDir != null ? logsDir : Files.createTempDirectory("stackbench-setup-");
        List<Manifest> valid = selected.stream().filter(e -> e instanceof Catalog.Valid)
                .map(e -> ((Catalog.Valid) e).manifest()).toList();
        List<ContestantInfo> infos = new Setup(Installation.fromEnvironment(), logs, line -> {
            out.println(line);
            out.flush();
        }).run(valid);
        out.println();
        TextTable table = new TextTable("ID", "INSTALLED");
        boolean allInstalled = true;
        for (Catalog.Entry e : selected) {
            if (e instanceof Catalog.Invalid invalid) {
                allInstalled = false;
                table.row(List.of(invalid.id(), "no: invalid manifest"), List.of(invalid.error().getMessage()));
                continue;
            }
            ContestantInfo info = infos.stream().filter(i -> i.manifest().id().equals(e.id())).findFirst().orElseThrow();
            if (info.status() instanceof InstallStatus.NotInstalled n) {
                allInstalled = false;
                table.row(List.of(e.id(), "no: " + n.reason()), List.of());
            } else {
                table.row(List.of(e.id(), "yes"), List.of());
            }
        }
        table.print(out);
        out.println("logs: " + logs);
        return allInstalled ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
