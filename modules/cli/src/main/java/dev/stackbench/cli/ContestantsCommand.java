package dev.stackbench.cli;

import dev.stackbench.config.TextTable;
import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.InstallStatus;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stackbench contestants}: every contestant grouped by language (the language named once,
 * on its group's first row; languages and ids in alphabetical order, invalid manifests last), with
 * its framework and runtime versions, variant, one column per workload ({@code yes} when its
 * manifest lists it, else {@code -}) and whether it is installed; then a one-line count.
 */
@Command(name = "contestants", mixinStandardHelpOptions = true,
        description = {"List the contestants by language and whether each is installed.",
                "Shows each one's framework and runtime versions, variant and which workloads it implements, and the"
                        + " reason when it is not installed."})
final class ContestantsCommand implements Callable<Integer> {
    /** The language cell of a directory whose manifest cannot be read; sorts after every language. */
    private static final String UNKNOWN = "?";

    @Mixin
    ContestantsDirOption contestants;

    @Spec
    CommandSpec spec;

    private record Row(String language, String id, List<String> cells, List<String> notes, boolean installed) {
    }

    @Override
    public Integer call() {
        Catalog catalog = contestants.load();
        if (catalog.entries().isEmpty()) {
            spec.commandLine().getOut().println("no contestants in " + catalog.dir());
            return ExitCode.OK.code();
        }
        Installation installation = Installation.fromEnvironment();
        List<Row> rows = new ArrayList<>();
        for (Catalog.Entry entry : catalog.entries()) {
            rows.add(entry instanceof Catalog.Valid valid ? row(installation.inspect(valid.manifest()))
                    : invalid((Catalog.Invalid) entry));
        }
        rows.sort(Comparator.comparing((Row r) -> r.language().equals(UNKNOWN))
                .thenComparing(Row::language).thenComparing(Row::id));

        List<String> header = new ArrayList<>(List.of("LANGUAGE", "ID", "FRAMEWORK", "RUNTIME", "VARIANT"));
        Arrays.stream(Workload.values()).map(Workload::label).forEach(header::add);
        header.add("INSTALLED");
        TextTable table = new TextTable(header.toArray(String[]::new));
        String previous = null;
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(r.language().equals(previous) ? "" : r.language());
            cells.add(r.id());
            cells.addAll(r.cells());
            table.row(cells, r.notes());
            previous = r.language();
        }
        table.print(spec.commandLine().getOut());
        long languages = rows.stream().map(Row::language).filter(l -> !l.equals(UNKNOWN)).distinct().count();
        long installed = rows.stream().filter(Row::installed).count();
        spec.commandLine().getOut().println(count(rows.size(), "contestant") + ", " + count(languages, "language")
                + ", " + installed + " installed");
        return ExitCode.OK.code();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Row row(ContestantInfo info) {
        Manifest m = info.manifest();
        List<String> cells = new ArrayList<>(List.of(m.framework().name() + " " + info.frameworkVersion(),
                m.runtime().name() + " " + info.runtimeVersion(), m.variant().label()));
        for (Workload w : Workload.values()) {
            cells.add(m.workloads().contains(w) ? "yes" : "-");
        }
        boolean installed = !(info.status() instanceof InstallStatus.NotInstalled);
        cells.add(info.status() instanceof InstallStatus.NotInstalled n ? "no: " + n.reason() : "yes");
        return new Row(m.language(), m.id(), cells, List.of(), installed);
    }

    private static Row invalid(Catalog.Invalid invalid) {
        List<String> cells = new ArrayList<>(List.of(UNKNOWN, UNKNOWN, UNKNOWN));
        for (Workload ignored : Workload.values()) {
            cells.add(UNKNOWN);
        }
        cells.add("no: invalid manifest");
        return new Row(UNKNOWN, invalid.id(), cells, List.of(invalid.error().getMessage()), false);
    }
}
