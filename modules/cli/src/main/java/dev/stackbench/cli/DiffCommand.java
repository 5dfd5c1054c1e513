package dev.stackbench.cli;

import dev.stackbench.config.RateFormat;
import dev.stackbench.analysis.AnalysisSettings;
import dev.stackbench.analysis.diff.DiffAnalyzer;
import dev.stackbench.analysis.diff.DiffReport;
import dev.stackbench.analysis.diff.DiffSettings;
import dev.stackbench.analysis.diff.Exchange;
import dev.stackbench.analysis.diff.LoadComparison;
import dev.stackbench.analysis.diff.PathPattern;
import dev.stackbench.config.ConfigException;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.contestant.InstallStatus;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.LabSession;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.manifest.Workload;
import dev.stackbench.lab.proc.CpuSet;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.runner.GeneratorPinning;
import dev.stackbench.runner.Serve;
import dev.stackbench.runner.diff.Backend;
import dev.stackbench.runner.diff.LoadMix;
import dev.stackbench.runner.diff.LoadPlan;
import dev.stackbench.runner.diff.LoadTrials;
import dev.stackbench.runner.diff.ReplayRequest;
import dev.stackbench.runner.diff.Replayer;
import dev.stackbench.runner.diff.RequestFile;
import dev.stackbench.runner.diff.ScenarioRequests;
import dev.stackbench.runner.diff.SpecRequests;
import dev.stackbench.runner.diff.UnreachableException;
import dev.stackbench.runner.scenario.ScenarioFile;
import dev.stackbench.report.diff.DiffJsonRenderer;
import dev.stackbench.report.diff.DiffMarkdownRenderer;
import dev.stackbench.report.diff.DiffTextRenderer;
import dev.stackbench.report.diff.DiffView;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stackbench diff}: does the new backend answer like the old one, and (with --load) as fast? */
@Command(name = "diff", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Check that a new backend answers like the old one, and as fast.",
                "Replays requests to OLD and NEW (URLs, or contestant ids started as 'serve' starts them) and reports"
                        + " how NEW answers differently, grouped by endpoint and JSON path. With --old2, what differs between"
                        + " two copies of the old is learned as noise (as Diffy). With neither REQUESTS nor --scenario: every"
                        + " endpoint of docs/api.md.",
                "--load then drives the same request mix (methods, headers, bodies; a scenario's weights and templates) at both"
                        + " in interleaved rounds: new/old req/s and p99 with the"
                        + " paired-by-round 95%% interval and a verdict faster / slower / same / unsure (docs/diff.md)."})
final class DiffCommand implements Callable<Integer> {
    static final int DEFAULT_EXAMPLES = 3;
    static final int DEFAULT_CONNECTIONS = 50;

    @Parameters(paramLabel = "REQUESTS", arity = "0..1",
            description = "Requests file: one 'METHOD PATH [JSON body]' a line, a .yaml ('requests:' list of method, path, headers, body)"
                    + " or a browser's .har export. Default: the endpoints of docs/api.md.")
    Path requests;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Instead of REQUESTS: a scenario file, as 'stackbench load --scenario' reads it (see docs/load.md)."
                    + " --count requests are drawn from its kinds by weight, each template filled in,"
                    + " seeded by --seed; the report groups them by kind.")
    Path scenario;

    @Option(names = "--count", paramLabel = "N", description = "--scenario: how many requests to draw and replay.")
    int count = ScenarioRequests.DEFAULT_COUNT;

    @Option(names = "--old", paramLabel = "OLD", required = true, description = "The old backend: a URL or a contestant id.")
    String old;

    @Option(names = "--new", paramLabel = "NEW", required = true, description = "The new backend: a URL or a contestant id.")
    String neu;

    @Option(names = "--old2", paramLabel = "OLD2", description = "A second copy of the old backend, to learn noise from (as Diffy).")
    String old2;

    @Option(names = "--ignore-header", paramLabel = "NAME", split = ",",
            description = "Headers never compared (added to Date, Server).")
    List<String> ignoreHeaders;

    @Option(names = "--compare-header", paramLabel = "NAME", split = ",",
            description = "Headers compared besides Content-Type; '*' for every header.")
    List<String> compareHeaders;

    @Option(names = "--ignore-path", paramLabel = "JSONPATH",
            description = "JSON paths left out of the comparison, e.g. '$.requestId' or '$.items[*].etag'.")
    List<String> ignorePaths;

    @Option(names = "--ignore-array-order", description = "Compare JSON arrays as multisets.")
    boolean ignoreArrayOrder;

    @Option(names = "--body-length", description = "Compare non-JSON bodies by length only, not byte for byte.")
    boolean bodyLength;

    @Option(names = "--exact-errors", description = "With the default request set, compare 4xx error bodies exactly too"
            + " (by default two answers of the same 4xx status whose JSON bodies hold an 'error' or 'detail' member are equal,"
            + " as docs/api.md leaves the message free).")
    boolean exactErrors;

    @Option(names = "--users", paramLabel = "N", description = "Default request set: fetch users 1..N.")
    int users = SpecRequests.DEFAULT_USERS;

    @Option(names = "--examples", paramLabel = "N", description = "Examples shown per difference.")
    int examples = DEFAULT_EXAMPLES;

    @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class, description = "Per request.")
    Duration timeout = Duration.ofSeconds(10);

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, md or json.")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--load", description = "Then drive the requests at old and new in interleaved rounds and compare req/s and p99.")
    boolean load;

    @Option(names = "--rounds", paramLabel = "N", description = "--load: rounds, one trial of each backend per round (>= 3).")
    int rounds = LoadPlan.DEFAULT_ROUNDS;

    @Option(names = "--order", paramLabel = "ORDER", description = "--load: order within a round: ${COMPLETION-CANDIDATES}.")
    LoadPlan.Order order = LoadPlan.Order.ALTERNATING;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice: the requests drawn from --scenario,"
            + " the shuffled --order, the load generator's kinds and template values.")
    long seed = 1;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "--load: connections.")
    int connections = DEFAULT_CONNECTIONS;

    @Option(names = "--rate", paramLabel = "R", description = "--load: open model at R requests/s (e.g. the old one's peak) instead of closed.")
    Double rate;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class, description = "--load: each trial's measured window.")
    Duration duration = Duration.ofSeconds(5);

    @Option(names = "--warmup", paramLabel = "TIME", converter = DurationConverter.class, description = "--load: unmeasured load before each trial.")
    Duration warmup = Duration.ofSeconds(2);

    @Mixin
    ContestantsDirOption contestantsDir;

    @Option(names = "--server-cpus", paramLabel = "CPUS", defaultValue = LabDefaults.SERVER_CPUS,
            description = "Contestants by id: the CPU set they run on (taskset -c form).")
    String serverCpus;

    @Option(names = "--generator-cpus", paramLabel = "CPUS", description = "Contestants by id with --load: the generator's CPUs (default: 0).")
    String generatorCpus;

    @Option(names = "--ready-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Contestants by id: how long one may take to answer 200 on its ready path.")
    Duration readyTimeout = LabDefaults.READY_TIMEOUT;

    @Spec
    CommandSpec spec;

    /** The scenario read from --scenario, once call() has read it. */
    private Optional<ScenarioFile> scenarioFile = Optional.empty();

    @Override
    public Integer call() throws IOException, InterruptedException {
        DiffSettings settings = settings(requests == null && scenario == null && !exactErrors);
        if (examples < 1) {
            throw new InvalidInputException("--examples (" + examples + ") must be >= 1");
        }
        if (!Set.of("text", "md", "json").contains(format.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("--format '" + format + "' is not one diff writes; expected text, md or json");
        }
        Optional<LoadPlan> plan = Optional.empty();
        if (load && rounds < LoadPlan.MIN_ROUNDS) {
            throw new InvalidInputException("--rounds (" + rounds + ") must be >= " + LoadPlan.MIN_ROUNDS + ": a verdict needs 3 paired rounds");
        }
        if (rate != null && !load) {
            throw new InvalidInputException("--rate (" + rate + ") applies to --load only; add --load to drive the requests at that rate");
        }
        if (rate != null && !(rate > 0)) {
            throw new InvalidInputException("--rate (" + rate + ") must be more than 0 requests/s");
        }
        if (requests != null && scenario != null) {
            throw new InvalidInputException("REQUESTS ('" + requests + "') and --scenario ('" + scenario
                    + "') cannot be used together: give one source of requests");
        }
        if (scenario == null && spec.commandLine().getParseResult().hasMatchedOption("--count")) {
            throw new InvalidInputException("--count (" + count + ") applies to --scenario only: add --scenario FILE, or drop --count");
        }
        if (count < 1) {
            throw new InvalidInputException("--count (" + count + ") must be >= 1");
        }
        List<ReplayRequest> set = null;
        Optional<ScenarioFile> mix = Optional.empty();
        try {
            if (requests != null) {
                set = RequestFile.read(requests);
            } else if (scenario != null) {
                mix = Optional.of(ScenarioFile.read(scenario));
                set = ScenarioRequests.of(mix.get(), seed, count);
            }
        } catch (ConfigException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        scenarioFile = mix;
        List<String> ids = new ArrayList<>();
        for (String v : optionalList(old, neu, old2)) {
            if (!v.contains("://")) {
                ids.add(v);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        mix.flatMap(m -> ScenarioRequests.unused(scenario, m)).ifPresent(err::println);
        if (ids.isEmpty()) {
            return compare(backend("--old", old), backend("--new", neu), old2 == null ? Optional.empty() : Optional.of(backend("--old2", old2)),
                    set != null ? set : SpecRequests.of(EnumSet.of(Workload.JSON, Workload.USER, Workload.IO, Workload.CPU), users),
                    set != null ? source() : "the endpoints of docs/api.md", settings, err);
        }
        return withContestants(ids, set, settings, err);
    }

    private int withContestants(List<String> ids, List<ReplayRequest> set, DiffSettings settings, PrintWriter err)
            throws IOException, InterruptedException {
        CpuSet cpus = CpuSetArgument.parse("--server-cpus", serverCpus);
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
        Set<Workload> common = EnumSet.allOf(Workload.class);
        manifests.forEach(m -> common.retainAll(m.workloads()));
        Path logs = Files.createTempDirectory("stackbench-diff-");
        LabSession.Request request = new LabSession.Request(cpus, cpus, Optional.empty(), logs, readyTimeout);
        try (LabSession lab = LabSession.open(request, manifests, err::println);
             Serve serve = Serve.start(lab.launcher(), manifests, err::println)) {
            if (!serve.failures().isEmpty()) {
                throw new UserException(ExitCode.CHECK_FAILED, "not served: " + serve.failures().get(0) + "; logs: " + logs);
            }
            List<Serve.Served> served = new ArrayList<>(serve.served());
            Backend a = resolve("--old", old, served);
            Backend b = resolve("--new", neu, served);
            Optional<Backend> a2 = old2 == null ? Optional.empty() : Optional.of(resolve("--old2", old2, served));
            if (load) {
                GeneratorPinning.pinSelf(CpuSetArgument.parse("--generator-cpus", generatorCpus == null ? "0" : generatorCpus))
                        .ifPresent(w -> err.println("warning: " + w));
            }
            return compare(a, b, a2, set != null ? set : SpecRequests.of(common, users),
                    set != null ? source() : "the endpoints of docs/api.md that both implement", settings, err);
        }
    }

    /** @return how the report names a REQUESTS file or a scenario */
    private String source() {
        return scenarioFile.map(m -> ScenarioRequests.source(scenario, m, seed)).orElseGet(() -> requests.toString());
    }

    /** Takes the served contestant for {@code value} (each served one once, so "--old express --old2 express" gets two). */
    private static Backend resolve(String role, String value, List<Serve.Served> served) {
        if (value.contains("://")) {
            return backend(role, value);
        }
        Serve.Served s = served.stream().filter(x -> x.id().equals(value)).findFirst().orElseThrow();
        served.remove(s);
        return new Backend(role, s.url());
    }

    private int compare(Backend a, Backend b, Optional<Backend> a2, List<ReplayRequest> set, String source, DiffSettings settings,
                        PrintWriter err) throws InterruptedException, IOException {
        List<Exchange> exchanges;
        try {
            exchanges = new Replayer(timeout).replay(set, a, b, a2, done -> { });
        } catch (UnreachableException e) {
            throw new UserException(ExitCode.ENVIRONMENT, e.getMessage());
        }
        DiffReport report = new DiffAnalyzer(settings, examples).analyze(exchanges);
        Optional<DiffView.Load> loadView = Optional.empty();
        if (load) {
            LoadMix mix = scenarioFile.map(f -> LoadMix.ofScenario(f.requests(), set, exchanges)).orElseGet(() -> LoadMix.of(set, exchanges));
            if (mix.kinds().isEmpty()) {
                throw new UserException(ExitCode.USAGE, "--load has nothing to drive: the old backend answered no request of the set"
                        + " with a 2xx (" + mix.description() + "); give requests it answers, e.g. GET /json");
            }
            LoadModel.Arrivals arrivals = scenarioFile.map(ScenarioFile::arrivals).orElse(LoadModel.Arrivals.CONSTANT);
            LoadPlan plan = new LoadPlan(mix.kinds(), rounds, order, seed, connections, Optional.ofNullable(rate), arrivals,
                    warmup, duration,
                    dev.stackbench.loadgen.Defaults.TIMEOUT, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
            err.println("load: " + describe(plan));
            LoadTrials.Measured m;
            try {
                m = LoadTrials.run(plan, a, b, err::println);
            } catch (UnreachableException e) {
                throw new UserException(ExitCode.ENVIRONMENT, e.getMessage());
            }
            loadView = Optional.of(new DiffView.Load(describe(plan), mix.description(), mix.kinds().stream()
                    .map(k -> new DiffView.Kind(k.name(), k.method(), k.path(), k.weight())).toList(), mix.leftOut(),
                    LoadComparison.of(m.old(), m.neu(), AnalysisSettings.DEFAULTS), m.old(), m.neu(), m.orders()));
        }
        DiffView view = new DiffView(label(a, old), label(b, neu), a2.map(x -> label(x, old2)), source, report, loadView);
        write(view);
        return report.equivalent() ? ExitCode.OK.code() : ExitCode.DIFFERENT.code();
    }

    /** @return {@code express (http://127.0.0.1:40111)} for a contestant, the URL for a URL */
    private static String label(Backend b, String asked) {
        return asked.contains("://") ? b.base().toString() : asked + " (" + b.base() + ")";
    }

    private void write(DiffView view) throws IOException {
        PrintWriter out = output == null ? spec.commandLine().getOut()
                : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        try {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> new DiffJsonRenderer().render(view, out);
                case "md" -> new DiffMarkdownRenderer().render(view, out);
                default -> new DiffTextRenderer().render(view, out);
            }
        } finally {
            if (output != null) {
                out.close();
            }
        }
    }

    private String describe(LoadPlan p) {
        return (p.rate().isPresent() ? "open model at " + RateFormat.format(p.rate().get())
                + (p.arrivals() == LoadModel.Arrivals.POISSON ? " (Poisson arrivals)" : "")
                : "closed model, " + p.connections() + " connections") + ", " + p.rounds() + " rounds of " + DurationFormat.format(p.duration())
                + " (warm-up " + DurationFormat.format(p.warmup()) + ") per backend, order " + p.order().name().toLowerCase(Locale.ROOT)
                + (p.order() == LoadPlan.Order.SHUFFLED ? " (seed " + p.seed() + ")" : "");
    }

    private DiffSettings settings(boolean specErrorBodies) {
        Set<String> compare = new LinkedHashSet<>(DiffSettings.DEFAULT_COMPARED);
        if (compareHeaders != null) {
            compare.addAll(compareHeaders);
        }
        Set<String> ignore = new LinkedHashSet<>(DiffSettings.DEFAULT_IGNORED);
        if (ignoreHeaders != null) {
            ignore.addAll(ignoreHeaders);
        }
        List<PathPattern> paths = new ArrayList<>();
        for (String p : ignorePaths == null ? List.<String>of() : ignorePaths) {
            try {
                paths.add(new PathPattern(p));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--ignore-path: " + e.getMessage());
            }
        }
        return new DiffSettings(compare, ignore, paths, ignoreArrayOrder, bodyLength, specErrorBodies);
    }

    private static Backend backend(String role, String url) {
        try {
            return new Backend(role, URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage().startsWith(role) ? e.getMessage()
                    : role + " '" + url + "' is not a valid URL; expected e.g. http://127.0.0.1:3000");
        }
    }

    private static List<String> optionalList(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
