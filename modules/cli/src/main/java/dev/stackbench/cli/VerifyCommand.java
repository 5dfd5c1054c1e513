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
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.lab.verify.CheckResult;
import dev.stackbench.lab.verify.SpecVerifier;
import dev.stackbench.lab.verify.VerificationReport;
import dev.stackbench.lab.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stackbench verify [ids]}: starts each contestant and checks it against API spec v1. */
@Command(name = "verify", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Check that contestants answer as docs/api.md specifies.",
                "Starts each contestant (pinned to the server CPUs, on a free loopback port, with a private PostgreSQL"
                        + " unless --db-url), checks each endpoint of the API spec (docs/api.md), stops it, and prints a"
                        + " pass/fail table with the reason of every failed check. Exit code 1 when any contestant fails."},
        footer = {"", "Examples:",
                "  stackbench verify",
                "  stackbench verify express fastapi-uvicorn",
                "  stackbench verify --url http://127.0.0.1:8080"})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ContestantsDirOption contestants;

    @Parameters(paramLabel = "ID", arity = "0..*", showDefaultValue = Visibility.NEVER,
            description = "Contestants to verify (default: all, unless --url is given).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL", showDefaultValue = Visibility.NEVER,
            description = "Also verify a server that is already running, e.g. http://127.0.0.1:8080 (repeatable).")
    List<String> urls = new ArrayList<>();

    @Mixin
    LabOptions lab;

    @Option(names = "--logs-dir", paramLabel = "DIR",
            description = "Where the contestants' and PostgreSQL's logs go (default: a new stackbench-verify-* temporary directory).")
    Path logsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LabSession.Request request = lab.request();
        CpuSet cpus = request.serverCpus();
        List<URI> running = new ArrayList<>();
        for (String url : urls) {
            running.add(uri(url));
        }
        List<Catalog.Entry> selected = ids.isEmpty() && !urls.isEmpty() ? List.of() : contestants.load().select(ids);
        PrintWriter out = spec.commandLine().getOut();
        Path logs = logsDir != null ? Files.createDirectories(logsDir) : Files.createTempDirectory("stackbench-verify-");

        List<VerificationReport> reports = new ArrayList<>();
        SpecVerifier specVerifier = new SpecVerifier();
        for (URI url : running) {
            reports.add(specVerifier.verify(url.toString(), url, EnumSet.allOf(Workload.class)));
        }
        List<Manifest> startable = new ArrayList<>();
        Installation installation = Installation.fromEnvironment();
        for (Catalog.Entry e : selected) {
            if (e instanceof Catalog.Invalid invalid) {
                reports.add(VerificationReport.notStarted(invalid.id(), "invalid manifest: " + invalid.error().getMessage()));
            } else {
                Manifest m = ((Catalog.Valid) e).manifest();
                if (installation.status(m) instanceof InstallStatus.NotInstalled n) {
                    reports.add(VerificationReport.notStarted(m.id(), "not installed: " + n.reason()));
                } else {
                    startable.add(m);
                }
            }
        }
        if (!startable.isEmpty()) {
            try (LabSession session = LabSession.open(request.withLogs(logs), startable, line -> {
                out.println(line);
                out.flush();
            })) {
                Verifier verifier = new Verifier(session.launcher(), specVerifier);
                for (Manifest m : startable) {
                    out.println("verifying " + m.id() + " on CPUs " + cpus + "...");
                    out.flush();
                    reports.add(verifier.verify(m));
                }
            }
        }
        print(out, reports);
        out.println("logs: " + logs);
        out.flush();
        return reports.stream().allMatch(VerificationReport::passed) ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    private static void print(PrintWriter out, List<VerificationReport> reports) {
        TextTable table = new TextTable(TextTable.left("CONTESTANT"), TextTable.left("RESULT"), TextTable.right("CHECKS"),
                TextTable.right("STARTUP"));
        for (VerificationReport r : reports) {
            List<String> reasons = new ArrayList<>();
            for (CheckResult.Failed f : r.failures()) {
                reasons.add(f.check() + ": " + f.reason().replace("\n", "\n    "));
            }
            boolean started = r.checks().stream().noneMatch(c -> c.check().equals(VerificationReport.START));
            table.row(List.of(r.contestant(), r.passed() ? "pass" : "FAIL",
                    started ? r.passedCount() + "/" + r.checks().size() : "-",
                    r.startupMillis().isPresent() ? DurationFormat.micros(r.startupMillis().getAsLong() * 1000.0) : "-"), reasons);
        }
        out.println();
        table.print(out);
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "expected http://HOST:PORT");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--url \"" + url + "\": expected http://HOST:PORT, e.g. http://127.0.0.1:8080");
        }
    }
}
