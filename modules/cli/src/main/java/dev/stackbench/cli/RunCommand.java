package dev.stackbench.cli;

import dev.stackbench.runner.EnvironmentProbe;
import dev.stackbench.runner.GeneratorPinning;
import dev.stackbench.runner.Preparation;
import dev.stackbench.runner.SuiteRunner;
import dev.stackbench.runner.suite.ProfileSuite;
import dev.stackbench.runner.suite.Suite;
import dev.stackbench.runner.suite.Suites;
import dev.stackbench.runner.suite.WorkloadParams;
import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.LabSession;
import dev.stackbench.lab.db.Database;
import dev.stackbench.lab.db.PostgresBinaries;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.analysis.Analysis;
import dev.stackbench.analysis.advise.Advice;
import dev.stackbench.analysis.advise.Advisor;
import dev.stackbench.analysis.advise.Profile;
import dev.stackbench.analysis.advise.ProfileReader;
import dev.stackbench.config.ConfigException;
import dev.stackbench.analysis.claims.CatalogReader;
import dev.stackbench.analysis.claims.ClaimsJudge;
import dev.stackbench.analysis.claims.ClaimsReport;
import dev.stackbench.report.AdviceReports;
import dev.stackbench.report.ChartLibrary;
import dev.stackbench.report.Format;
import dev.stackbench.report.Reports;
import dev.stackbench.results.CpuSets;
import dev.stackbench.results.LoadLevel;
import dev.stackbench.results.ResultsWriter;
import dev.stackbench.loadgen.Threshold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stackbench run}: the main job. */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Run a suite across the contestants and print its report.",
                "Installs the contestants that are missing and starts a private PostgreSQL. Every contestant is started"
                        + " once, checked against the API of docs/api.md (one that fails is reported, not measured) and"
                        + " stays up; then, round after round, every workload and load level is measured once per"
                        + " contestant in an order shuffled per round, with a drift reference between rounds.",
                "Writes run.json, interval logs, logs and report.html to results/<timestamp>-<suite>/ and prints the"
                        + " table with 95%% confidence intervals. Ctrl-C keeps what was measured; 'stackbench report DIR'"
                        + " renders it.",
                "Suites: quick (the articles' frameworks and the baselines x json, user, io, cpu at 100 connections,"
                        + " 3 rounds; about 4 minutes), seed-table (json at 1000 connections, 6 rounds: the seed article's"
                        + " table), full (16 to 1024 connections and an open-model rate curve, 6 rounds; hours), or a"
                        + " YAML file (docs/suites.md). --contestants all measures every contestant."},
        footer = {"", "Examples:",
                "  stackbench run",
                "  stackbench run --suite seed-table --contestants express,fastapi",
                "  stackbench run --contestants all --trials 5",
                "  stackbench run --suite my-suite.yaml --workloads json --results /tmp/results"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ContestantsDirOption contestantsDir;

    @Option(names = "--suite", paramLabel = "NAME|FILE", description = "quick (the default), seed-table, full, claims, or a suite YAML file.")
    String suiteName;

    @Option(names = "--profile", paramLabel = "FILE", description = "Measure what your project's profile needs (docs/advise.md):"
            + " its mix sent as one request mix on an open-model rate ladder per contestant, then print the advice."
            + " Not with --suite or --workloads.")
    Path profileFile;

    @Option(names = "--contestants", paramLabel = "ID", split = ",", showDefaultValue = Visibility.NEVER, description = "Only these contestants, or all (default: the suite's).")
    List<String> only = new ArrayList<>();

    @Option(names = "--workloads", paramLabel = "NAME", split = ",", showDefaultValue = Visibility.NEVER,
            description = "Only these workloads: json, user, io, cpu (default: the suite's).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--generator-cpus", paramLabel = "CPUS", description = "CPUs of the load generator (default: the suite's, 0).")
    String generatorCpus;

    @Option(names = "--server-cpus", paramLabel = "CPUS", description = "CPUs of each contestant; their count is the CPU budget (default: the suite's, 1).")
    String serverCpus;

    @Option(names = "--db-cpus", paramLabel = "CPUS", description = "CPUs of the private PostgreSQL (default: the server's).")
    String dbCpus;

    @Option(names = "--db-url", paramLabel = "URL", description = "Use this PostgreSQL (holding the users table of docs/api.md) instead of a private one.")
    String dbUrl;

    @Option(names = "--results", paramLabel = "DIR", description = "Where results/<timestamp>-<suite>/ goes (default: the project's results/).")
    Path resultsRoot;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per cell, one per round (default: the suite's; at least 3 for verdicts).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the rounds' shuffled orders (default: a random one; run.json records it).")
    Long seed;

    @Option(names = "--aa", paramLabel = "ID|none", description = "Measure this contestant twice, as two instances (the A/A pair, the run's"
            + " noise floor), or none (default: the suite's: fastify for seed-table and full, none for quick).")
    String aa;

    @Mixin
    CellGateOptions gate;

    @Option(names = "--no-setup", description = "Do not install missing contestants; report them as not installed.")
    boolean noSetup;

    @Option(names = "--ready-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long a contestant may take to answer 200 on its ready path, e.g. 60s or 2m.")
    Duration readyTimeout = LabDefaults.READY_TIMEOUT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Profile> profile = profile();
        Suite suite = suite(profile);
        List<Threshold> thresholds = gate.parse();
        CpuSet online = CpuSet.online();
        CpuSetArgument.requireTwo(online);
        CpuSet generator = CpuSetArgument.parse("--generator-cpus", generatorCpus != null ? generatorCpus : suite.cpus().generator(),
                generatorCpus == null, online);
        CpuSet server = CpuSetArgument.parse("--server-cpus", serverCpus != null ? serverCpus : suite.cpus().server(), serverCpus == null, online);
        // PostgreSQL follows the server unless told otherwise: a one-machine deployment
        CpuSet database = CpuSetArgument.parse("--db-cpus", dbCpus != null ? dbCpus : serverCpus != null ? serverCpus : suite.cpus().database(),
                dbCpus == null && serverCpus == null, online);
        if (generator.overlaps(server)) {
            throw new InvalidInputException("--generator-cpus " + generator + " and --server-cpus " + server
                    + " overlap: the generator would take the server's CPU; choose disjoint sets, e.g. --generator-cpus 0 --server-cpus 1");
        }
        suite = suite.withCpus(new CpuSets(generator.toString(), server.toString(), database.toString()));
        Optional<Database> external = Optional.ofNullable(dbUrl).map(Database::parseUrl);
        if (external.isEmpty()) {
            // before installing anything for minutes: the private database needs PostgreSQL's programs
            PostgresBinaries.find();
        }
        try {
            GeneratorPinning.pinSelf(generator).ifPresent(warning -> out.println("warning: " + warning));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED.code();
        }

        Catalog catalog = contestantsDir.load();
        List<Catalog.Entry> entries = catalog.select(only.isEmpty() ? defaultSet(suite.contestantsToStart(), catalog.ids()) : suite.contestants());
        Path root = resultsRoot != null ? resultsRoot : LabDefaults.contestantsDir(System.getProperty(LabDefaults.HOME_PROPERTY)).resolveSibling("results");
        ResultsWriter results = ResultsWriter.create(root, Instant.now(), suite.name());
        out.println("stackbench run: suite " + suite.name()
                + (suite.workloads().isEmpty() ? "" : ", " + suite.workloads().stream().map(Workload::label).toList() + " x "
                        + suite.levels().stream().map(l -> l.describe()).toList())
                + suite.connectionCells().stream().map(cc -> ", " + cc.workloads().stream().map(Workload::label).toList() + " x "
                        + cc.levels().stream().map(l -> l.describe()).toList() + (cc.contestants().isEmpty() ? "" : " for " + cc.contestants()))
                        .collect(java.util.stream.Collectors.joining())
                + suite.realtime().map(r -> ", realtime at " + r.levels().stream().map(l -> l.describe()).toList()).orElse("")
                + suite.blocking().map(b -> ", blocking (json alone and with " + b.cpuPercent() + "% /cpu) at " + b.level().describe()
                        + (b.variants().isEmpty() ? "" : ", also for " + b.variants())).orElse("")
                + mixLine(suite)
                + ", " + suite.trials() + " interleaved round(s) of "
                + DurationConverter.format(suite.duration()) + " trials after a " + DurationConverter.format(suite.warmup()) + " warm-up ("
                + DurationConverter.format(suite.rewarm()) + " in later rounds);"
                + " generator on CPUs " + generator + ", contestants on " + server + ", PostgreSQL on " + database);
        out.println("results: " + results.path());
        out.flush();

        RunProgress progress = new RunProgress(out, System.console() != null, 0);
        long shuffleSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        SuiteRunner runner = new SuiteRunner(suite, results, progress, generator.size(), new EnvironmentProbe().probe(suite.cpus()), shuffleSeed);
        List<ContestantInfo> ready = new Preparation(Installation.fromEnvironment(), !noSetup, results.logs(), progress).installed(entries, runner);
        progress.plan(runner.plannedTrials(ready));
        if (ready.isEmpty()) {
            runner.write(dev.stackbench.results.RunStatus.FAILED);
            throw new UserException(ExitCode.CHECK_FAILED, "no contestant is installed to measure; see 'stackbench contestants' and 'stackbench setup'");
        }
        Interruption interruption = Interruption.install();
        LabSession.Request lab = new LabSession.Request(server, database, external, results.logs(), readyTimeout);
        try (LabSession session = LabSession.open(lab, ready.stream().map(ContestantInfo::manifest).toList(), progress::step)) {
            runner.run(ready, session.launcher(), session.database());
        } catch (InterruptedException e) {
            out.println();
            out.println("interrupted: the partial results are in " + results.path() + " (stackbench report " + results.path() + ")");
            out.flush();
            return ExitCode.INTERRUPTED.code();
        } finally {
            interruption.remove();
        }
        // analysed once from the results directory, as 'stackbench report' would, rendered twice
        Analysis analysis = ResultsInput.analyse(results.path());
        Reports reports = new Reports(Locale.getDefault(Locale.Category.FORMAT), ChartLibrary.chartJs());
        out.println();
        out.print(reports.render(Format.TEXT, analysis));
        Path html = results.path().resolve("report.html");
        ResultsInput.write(reports.render(Format.HTML, analysis), html, out);
        if (profile.isPresent()) {
            // the profile's run ends with its answer, as 'stackbench advise PROFILE DIR' prints it
            Advice advice = Advisor.advise(profile.get(), List.of(analysis));
            AdviceReports advices = new AdviceReports(Locale.getDefault(Locale.Category.FORMAT), ChartLibrary.chartJs());
            out.println();
            out.print(advices.render(Format.TEXT, advice));
            ResultsInput.write(advices.render(Format.HTML, advice), results.path().resolve("advice.html"), out);
            out.println("advice: " + results.path().resolve("advice.html") + " (again with: stackbench advise " + profileFile + " "
                    + results.path() + ")");
        }
        if (suite.name().equals(Suites.CLAIMS.name())) {
            // the claims suite ends with its fact-check, as 'stackbench claims DIR' prints it
            Path claimsFile = ClaimsCommand.defaultCatalog(System.getProperty(LabDefaults.HOME_PROPERTY));
            if (Files.isRegularFile(claimsFile)) {
                ClaimsReport claims = ClaimsJudge.judge(CatalogReader.read(claimsFile), analysis);
                out.println();
                out.print(reports.claims(Format.TEXT, claims));
                ResultsInput.write(reports.claims(Format.HTML, claims), results.path().resolve("claims.html"), out);
                out.println("claims: " + results.path().resolve("claims.html"));
            }
        }
        out.println("report: " + html);
        out.println("results: " + results.path() + " (re-render with: stackbench report " + results.path() + " --format text|md|html|json)");
        out.flush();
        return gate.apply(analysis, thresholds, out, spec.commandLine().getErr()).code();
    }

    /** @return {@code , the mix [io x1] (io 50 ms) as one request mix on the ladder [...]} for a profile's suite, else empty */
    private static String mixLine(Suite suite) {
        return suite.ladder().filter(l -> !l.mix().isEmpty()).map(l -> ", the mix " + l.mix().stream()
                .map(k -> k.workload().label() + " x" + k.weight()).toList() + " (io " + suite.params().ioMillis()
                + " ms) as one request mix on the ladder " + suite.levels().stream().map(LoadLevel::describe).toList()).orElse("");
    }

    /**
     * A built-in suite's default set applies to the project's own contestants; in a directory of the
     * user's own (--contestants-dir) that has none of them, the suite measures every contestant there.
     */
    private static List<String> defaultSet(List<String> suiteDefault, List<String> available) {
        List<String> present = suiteDefault.stream().filter(available::contains).toList();
        return present.isEmpty() ? List.of() : present;
    }

    /** @return the A/A pair --aa names: none, or a contestant id among the suite's (when it names any) */
    private Optional<String> aaPair(Suite suite) {
        if (aa.equals("none")) {
            return Optional.empty();
        }
        if (!aa.matches("[a-z0-9][a-z0-9-]*")) {
            throw new UserException(ExitCode.USAGE, "--aa '" + aa + "' is not a contestant id; expected an id such as fastify, or none");
        }
        if (!suite.contestants().isEmpty() && !suite.contestants().contains(aa)) {
            throw new UserException(ExitCode.USAGE, "--aa " + aa + " is not among the contestants to measure " + suite.contestants()
                    + "; name one of them, or add it to --contestants");
        }
        return Optional.of(aa);
    }

    /** @return the profile --profile names, read strictly; empty without --profile */
    private Optional<Profile> profile() {
        if (profileFile == null) {
            return Optional.empty();
        }
        if (suiteName != null) {
            throw new UserException(ExitCode.USAGE, "--profile and --suite both given: a profile makes its own suite; drop one");
        }
        if (!workloads.isEmpty()) {
            throw new UserException(ExitCode.USAGE, "--profile and --workloads both given: a profile sends its mix as one request"
                    + " mix; drop --workloads, or change the profile's mix");
        }
        if (!Files.isRegularFile(profileFile)) {
            throw new UserException(ExitCode.USAGE, "no such profile: " + profileFile + " (write one with: stackbench advise --init "
                    + profileFile + ")");
        }
        try {
            return Optional.of(ProfileReader.read(profileFile));
        } catch (ConfigException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }

    private Suite resolve(Optional<Profile> profile) {
        if (profile.isEmpty()) {
            return Suites.resolve(suiteName == null ? Suites.QUICK.name() : suiteName);
        }
        int serverCores = CpuSet.parse(serverCpus != null ? serverCpus : Suites.DEFAULT_CPUS.server()).size();
        return ProfileSuite.of(profile.get(), serverCores, Suites.DEFAULT_CPUS);
    }

    private Suite suite(Optional<Profile> profile) {
        Suite suite;
        try {
            Suite base = resolve(profile);
            suite = only.equals(List.of("all")) ? base.withAllContestants() : base.withContestants(only);
            List<Workload> chosen = new ArrayList<>();
            for (String w : workloads) {
                chosen.add(WorkloadParams.parse(w));
            }
            if (trials != null && trials < 1) {
                throw new UserException(ExitCode.USAGE, "--trials (" + trials + ") must be >= 1; 3 or more give intervals");
            }
            suite = trials == null ? suite.withWorkloads(chosen) : suite.withWorkloads(chosen).withTrials(trials);
            return aa == null ? suite : suite.withAa(aaPair(suite));
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }

}
