package dev.stackbench.cli;

import dev.stackbench.config.TextTable;
import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.InstallStatus;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Workload;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stackbench contestants}: every contestant, its versions, and whether it is installed. */
@Command(name = "contestants", mixinStandardHelpOptions = true,
        description = {"List the contestants and whether each is installed.",
                "Shows each one's language, framework and runtime versions, workloads and variant, and the reason"
                        + " when it is not installed."})
final class ContestantsCommand implements Callable<Integer> {
    @Mixin
    ContestantsDirOption contestants;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = contestants.load();
        Installation installation = Installation.fromEnvironment();
        TextTable table = new TextTable("ID", "LANGUAGE", "FRAMEWORK", "RUNTIME", "WORKLOADS", "VARIANT", "INSTALLED");
        for (Catalog.Entry entry : catalog.entries()) {
            if (entry instanceof Catalog.Invalid invalid) {
                table.row(List.of(invalid.id(), "?", "?", "?", "?", "?", "no: invalid manifest"),
                        List.of(invalid.error().getMessage()));
                continue;
            }
            ContestantInfo info = installation.inspect(((Catalog.Valid) entry).manifest());
            Manifest m = info.manifest();
            table.row(List.of(m.id(), m.language(), m.framework().name() + " " + info.frameworkVersion(),
                    m.runtime().name() + " " + info.runtimeVersion(),
                    m.workloads().stream().map(Workload::label).collect(Collectors.joining(",")),
                    m.variant().label(),
                    info.status() instanceof InstallStatus.NotInstalled n ? "no: " + n.reason() : "yes"), List.of());
        }
        if (catalog.entries().isEmpty()) {
            spec.commandLine().getOut().println("no contestants in " + catalog.dir());
        } else {
            table.print(spec.commandLine().getOut());
        }
        return ExitCode.OK.code();
    }
}
