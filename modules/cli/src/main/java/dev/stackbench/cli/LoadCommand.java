package dev.stackbench.cli;

import dev.stackbench.loadgen.ConnectionSetupException;
import dev.stackbench.loadgen.Defaults;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.runner.HlogWriter;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.OpenFileLimitException;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.RateStage;
import dev.stackbench.loadgen.RequestKind;
import dev.stackbench.loadgen.Threshold;
import dev.stackbench.loadgen.TlsClient;
import dev.stackbench.loadgen.Warmup;
import dev.stackbench.loadgen.summary.SummaryPrinter;
import dev.stackbench.runner.scenario.ScenarioFile;
import dev.stackbench.runner.scenario.ThresholdParser;
import dev.stackbench.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stackbench load URL}: drive load against any HTTP/1.1 or HTTP/2 URL (plain or TLS), or a WebSocket URL, and report what happened. Exit
 * codes: {@link ExitCode#OK}; {@link ExitCode#THRESHOLD_FAILED} when a {@code --threshold} failed;
 * usage and environment errors as every command.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Load one URL over HTTP or WebSocket and summarise it.",
                "Closed model: -c connections, each sending its next request as soon as the last one completed. Open"
                        + " model: -R requests per second on a fixed schedule, latency timed from each request's intended"
                        + " send time, so without coordinated omission."},
        footer = {"", "Examples:",
                "  stackbench load -c 100 -d 10s http://127.0.0.1:8080/json",
                "  stackbench load -R 20000 -c 200 -d 30s --warmup 5s --latency \\",
                "      http://127.0.0.1:8080/json",
                "  stackbench load --http2 --streams 8 -c 4 --insecure \\",
                "      https://127.0.0.1:8443/json",
                "  stackbench load -R 5000 -d 30s --warmup stable --max-connections 500 \\",
                "      http://127.0.0.1:8080/json",
                "  stackbench load --method POST -H 'Content-Type: application/json' \\",
                "      --body '{\"a\":1}' http://127.0.0.1:8080/echo",
                "  stackbench load --request 'GET /json' --weight 9 \\",
                "      --request 'GET /api/users/{random:1..10000}' --weight 1 \\",
                "      http://127.0.0.1:8080",
                "  stackbench load -R 1000..10000/60s --arrivals poisson \\",
                "      --threshold 'p99<50ms' --threshold 'json:errors<0.1%%' \\",
                "      --scenario mix.yaml http://127.0.0.1:8080",
                "",
                "A threshold is [KIND:]METRIC OP VALUE: METRIC one of p50, p75, p90, p99, p99.9, p99.99, max, mean"
                        + " (latency: 50ms, 500us), errors (0.1%% or 0.001: errors / requests), rate (achieved / target"
                        + " rate, open model: 0.97), rps (completions per second); OP <, <=, > or >=; KIND a request"
                        + " name. With censored values (timeouts, unsent) a < threshold passes only if it would whatever"
                        + " their true latencies. When one fails, the exit code is 4."})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "Target, http[s]://host[:port][/path][?query] (with --request or"
            + " --scenario only http[s]://host[:port], the requests give the paths), or a WebSocket URL, ws:// or wss://"
            + " (see --pattern; docs/load-websocket.md).")
    String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "Concurrent keep-alive connections.")
    int connections = Defaults.CONNECTIONS;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "Measured interval (after the warm-up), e.g. 10s, 2m.")
    Duration duration = Defaults.DURATION;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Event loops (default: the CPUs this process may use, at most --connections).")
    Integer threads;

    @Option(names = {"-R", "--rate"}, paramLabel = "RATE",
            description = "Open model: a constant arrival rate in requests/s (20000, 2.5k; needs --duration), a ramp"
                    + " FROM..TO/TIME (1000..10000/60s, reported in " + Defaults.RAMP_PARTS + " equal stages) or steps"
                    + " R1,R2,.../TIME (1000,2000,4000/10s: each rate for 10s). A schedule sets the measured interval;"
                    + " the warm-up runs at its first rate. Without it: closed model.")
    String rate;

    @Option(names = "--arrivals", paramLabel = "constant|poisson",
            description = "Open model: arrivals evenly spaced, or a Poisson process (exponential gaps, seeded by --seed).")
    LoadModel.Arrivals arrivals;

    @Option(names = "--resolution", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Open model: send the requests due within each window of this length together, timed from the "
                    + "window's start (0: each at its own time). 1ms paces like wrk2: fewer wake-ups, burstier arrivals.")
    Duration resolution = Defaults.RESOLUTION;

    @Option(names = "--warmup", paramLabel = "TIME|stable",
            description = "Load before the measured interval, not recorded: a duration, or 'stable' to warm up until the "
                    + "rate of 250 ms samples varies by less than 5%% (coefficient of variation) over 2 s, for 1s..30s.")
    String warmup = "0s";

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Open model: the connection pool grows on demand up to N (default: the rate times the timeout, "
                    + "at least --connections, at most " + Defaults.MAX_CONNECTIONS + ").")
    Integer maxConnections;

    @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Per request, from its send to its complete response; counted as a timeout error.")
    Duration timeout = Defaults.TIMEOUT;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", showDefaultValue = Visibility.NEVER, description = "Request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--method", paramLabel = "METHOD", description = "Request method.")
    String method = "GET";

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body (UTF-8).")
    String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Request body from a file.")
    Path bodyFile;

    /** One request kind of the mix: {@code --request 'METHOD PATH'} and the options that follow it. */
    static final class RequestOption {
        @Option(names = "--request", required = true, paramLabel = "'METHOD PATH'",
                description = "A request of the mix, e.g. 'GET /json' or 'POST /api/users/{random:1..10000}'; repeatable."
                        + " {random:MIN..MAX} in the path is drawn per request, uniformly, seeded by --seed.")
        String request;

        @Option(names = "--weight", paramLabel = "N",
                description = "The preceding --request's relative frequency, a whole number >= 1 (default: 1).")
        Integer weight;

        @Option(names = "--name", paramLabel = "NAME",
                description = "The preceding --request's name in results and thresholds (default: the last path"
                        + " segment that is no template, e.g. json).")
        String name;

        @Option(names = "--request-header", paramLabel = "'NAME: VALUE'", showDefaultValue = Visibility.NEVER,
                description = "A header of the preceding --request only (-H applies to all); repeatable.")
        List<String> headers = new ArrayList<>();

        @Option(names = "--request-body", paramLabel = "TEXT", description = "The preceding --request's body (UTF-8).")
        String body;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "%nRequest mix (instead of the URL's own request):%n")
    List<RequestOption> requestOptions = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Requests (method, path, headers, body, weight each), and optionally rate stages, arrivals and"
                    + " thresholds, from a YAML file (see docs/load.md).")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice: request kind, path variant,"
            + " template values, Poisson arrivals. The same seed repeats the same choices.")
    long seed = Defaults.SEED;

    @Option(names = "--threshold", paramLabel = "[KIND:]METRIC OP VALUE", showDefaultValue = Visibility.NEVER,
            description = "A pass/fail criterion evaluated at the end, e.g. 'p99<50ms', 'errors<0.1%%', 'rate>=0.97',"
                    + " 'json:p99<10ms'; repeatable. When one fails, exit code 4.")
    List<String> thresholdTexts = new ArrayList<>();

    @Option(names = "--abort-on-fail",
            description = "End the run early once a threshold fails on the measured window so far (checked once a second).")
    boolean abortOnFail;

    @Option(names = "--latency", description = "Print the full latency percentile spectrum (HdrHistogram).")
    boolean latencySpectrum;

    @Option(names = "--timeline", description = "Print the per-second timeline (requests, errors, p99).")
    boolean timeline;

    @Option(names = "--hlog", paramLabel = "FILE", description = "Write the HdrHistogram interval log (one histogram a second).")
    Path hlog;

    @Option(names = "--http2", description = "Speak HTTP/2: over https:// offered by ALPN (HTTP/1.1 when the server does not"
            + " choose h2, reported), over http:// h2c with prior knowledge (the server must speak HTTP/2 on that port).")
    boolean http2;

    @Option(names = "--streams", paramLabel = "N", description = "With --http2: concurrent streams per connection, each one"
            + " request at a time (closed model: each stream one user, so -c 4 --streams 8 keeps 32 requests in flight).")
    int streams = Defaults.STREAMS;

    @Option(names = "--insecure", description = "https:// and wss:// (and an https:// publisher): accept any server"
            + " certificate, e.g. a self-signed one. Default: verify it against the JDK's trust store.")
    boolean insecure;

    @Option(names = "--tls-provider", paramLabel = "auto|openssl|jdk", converter = TlsProviderConverter.class, defaultValue = "auto",
            description = "https://: the TLS implementation; auto is OpenSSL (BoringSSL, netty-tcnative) where it loads, else the JDK's.")
    TlsClient.Provider tlsProvider;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result with its environment as JSON.")
    Path json;

    @Mixin
    WsOptions ws = new WsOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (WsOptions.isWebSocketUrl(url)) {
            checkHttpOnlyOptions();
            return new WsLoad(this, ws).call();
        }
        WsOptions.rejectForHttp(spec.commandLine().getParseResult(), url);
        LoadSpec load = toSpec();
        PrintWriter out = spec.commandLine().getOut();
        LoadGenerator generator = new LoadGenerator(load);
        try {
            generator.checkOpenFileLimit();
        } catch (OpenFileLimitException e) {
            throw new UserException(ExitCode.ENVIRONMENT, "--connections " + connections + ": " + e.getMessage());
        }
        SummaryPrinter printer = new SummaryPrinter(out);
        printer.header(load);
        out.flush();
        List<ProgressListener> listeners = new ArrayList<>();
        HlogWriter hlogWriter = null;
        if (hlog != null) {
            try {
                hlogWriter = HlogWriter.create(hlog, "stackbench load " + load + "; values in microseconds",
                        load.model() instanceof LoadModel.Open);
            } catch (IOException e) {
                throw new UserException(ExitCode.USAGE, "--hlog '" + hlog + "' cannot be written: " + e.getMessage());
            }
        }
        if (hlogWriter != null) {
            listeners.add(hlogWriter);
        }
        if (System.console() != null) {
            listeners.add(new LiveProgress(spec.commandLine().getErr(), load.duration()));
        }
        LoadResult result;
        try {
            result = generator.run(ProgressListener.all(listeners));
        } catch (UnknownHostException e) {
            throw new UserException(ExitCode.ENVIRONMENT, "host '" + load.host() + "' of URL '" + url
                    + "' does not resolve: check the spelling, or use an IP address such as 127.0.0.1");
        } catch (ConnectionSetupException e) {
            throw new UserException(ExitCode.ENVIRONMENT, e.getMessage());
        } finally {
            if (hlogWriter != null) {
                hlogWriter.close();
            }
        }
        printer.summary(result, latencySpectrum, timeline);
        if (json != null) {
            new ResultJson().write(result, json);
            out.println("  JSON       " + json);
        }
        if (hlog != null) {
            out.println("  hlog       " + hlog);
        }
        out.flush();
        if (!result.thresholdsPassed()) {
            long failed = result.thresholds().stream().filter(t -> !t.passed()).count();
            spec.commandLine().getErr().printf(Locale.ROOT, "stackbench: %d of %d thresholds failed: %s%n", failed,
                    result.thresholds().size(), String.join(", ", result.thresholds().stream().filter(t -> !t.passed())
                            .map(t -> t.threshold().toString()).toList()));
            spec.commandLine().getErr().flush();
            return ExitCode.THRESHOLD_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    /** Validates the options against each other and builds the engine's spec. */
    LoadSpec toSpec() throws IOException {
        // a template in the URL's own path ({random:1..10}) is no valid URI: the path becomes the one request's
        String templatedPath = null;
        String uriText = url;
        int authorityStart = url.indexOf("://");
        int pathStart = authorityStart < 0 ? -1 : url.indexOf('/', authorityStart + 3);
        if (pathStart > 0 && url.indexOf('{', pathStart) > 0) {
            templatedPath = url.substring(pathStart);
            uriText = url.substring(0, pathStart) + "/";
        }
        URI target = parseUrl(uriText);
        if (connections < 1) {
            throw usage("--connections (" + connections + ") must be >= 1");
        }
        if (threads != null && threads < 1) {
            throw usage("--threads (" + threads + ") must be >= 1");
        }
        if (threads != null && connections < threads) {
            throw usage("--connections (" + connections + ") must be >= --threads (" + threads + ")");
        }
        if (duration.isZero()) {
            throw usage("--duration (" + DurationConverter.format(duration) + ") must be > 0");
        }
        if (timeout.isZero()) {
            throw usage("--timeout (" + DurationConverter.format(timeout) + ") must be > 0");
        }
        ScenarioFile file = null;
        if (scenario != null) {
            if (!requestOptions.isEmpty()) {
                throw usage("--scenario and --request cannot be used together: put every request in the scenario file");
            }
            try {
                file = ScenarioFile.read(scenario);
            } catch (ConfigException e) {
                throw usage(e.getMessage());
            }
        }
        boolean durationGiven = spec.commandLine().getParseResult().hasMatchedOption("--duration");
        List<RateStage> stages = List.of();
        Double constant = null;
        if (rate != null) {
            RateArgument r = parseRate(rate);
            if (file != null && !file.stages().isEmpty()) {
                throw usage("--rate and the stages of --scenario '" + scenario + "' cannot be used together: choose one");
            }
            stages = r.stages();
            constant = r.stages().isEmpty() ? r.constant() : null;
            if (constant != null && !durationGiven) {
                throw usage("--rate needs --duration: say how long to keep the rate, e.g. -R " + formatRate(constant) + " -d 30s");
            }
        } else if (file != null && !file.stages().isEmpty()) {
            stages = file.stages();
        }
        LoadModel.Arrivals arr = arrivals != null ? arrivals
                : file != null && file.arrivals() != null ? file.arrivals() : LoadModel.Arrivals.CONSTANT;
        LoadModel model = new LoadModel.Closed();
        Duration measured = duration;
        if (!stages.isEmpty()) {
            LoadModel.Open open = LoadModel.Open.schedule(stages, arr);
            if (durationGiven && !open.scheduleLength().equals(duration)) {
                throw usage("--duration (" + DurationConverter.format(duration) + ") differs from the length of the rate schedule ("
                        + DurationConverter.format(open.scheduleLength()) + "): drop --duration, or make them equal");
            }
            measured = open.scheduleLength();
            model = open;
        } else if (constant != null) {
            model = LoadModel.Open.constant(constant, arr);
        } else if (arrivals != null) {
            throw usage("--arrivals applies to the open model only: add --rate");
        }
        if (body != null && bodyFile != null) {
            throw usage("--body and --body-file cannot be used together: choose one");
        }
        byte[] bodyBytes = new byte[0];
        if (body != null) {
            bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        } else if (bodyFile != null) {
            if (!Files.isRegularFile(bodyFile)) {
                throw usage("--body-file '" + bodyFile + "' is not a readable file");
            }
            bodyBytes = Files.readAllBytes(bodyFile);
        }
        List<Header> parsedHeaders = new ArrayList<>();
        for (String h : headers) {
            parsedHeaders.add(header(h, "--header"));
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.chars().allMatch(c -> c >= 'A' && c <= 'Z') || m.isEmpty()) {
            throw usage("--method '" + method + "' is not an HTTP method such as GET or POST");
        }
        if (maxConnections != null && !(model instanceof LoadModel.Open)) {
            throw usage("--max-connections applies to the open model only: add --rate, or use --connections for the closed model");
        }
        if (maxConnections != null && maxConnections < connections) {
            throw usage("--max-connections (" + maxConnections + ") must be >= --connections (" + connections + ")");
        }
        List<RequestKind> kinds = file != null ? withHeaders(file.requests(), parsedHeaders) : requestKinds(parsedHeaders);
        if (templatedPath != null && !kinds.isEmpty()) {
            throw usage("URL '" + url + "' has a path, but " + (file != null ? "--scenario" : "--request")
                    + " gives the paths: give only http://host[:port], e.g. " + uriText.substring(0, uriText.length() - 1));
        }
        if (!kinds.isEmpty()) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--method") || body != null || bodyFile != null) {
                throw usage("--method, --body and --body-file apply to the URL's own request; with "
                        + (file != null ? "--scenario, write them in the file" : "--request, write the method in it ('POST /path') and use --request-body"));
            }
            String path = target.getRawPath() == null ? "" : target.getRawPath();
            if (!path.isEmpty() && !path.equals("/") || target.getRawQuery() != null) {
                throw usage("URL '" + url + "' has a path, but " + (file != null ? "--scenario" : "--request")
                        + " gives the paths: give only http://host[:port], e.g. http://" + target.getRawAuthority());
            }
        }
        List<Threshold> thresholds = new ArrayList<>();
        if (file != null) {
            thresholds.addAll(file.thresholds());
        }
        for (String t : thresholdTexts) {
            try {
                thresholds.add(ThresholdParser.parse(t, "--threshold '" + t + "'"));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (templatedPath != null) {
            try {
                kinds = List.of(new RequestKind(RequestKind.defaultName(templatedPath), m, templatedPath, parsedHeaders, bodyBytes, 1));
            } catch (IllegalArgumentException e) {
                throw usage("URL '" + url + "': " + e.getMessage());
            }
        }
        List<String> kindNames = kinds.isEmpty() ? List.of() : kinds.stream().map(RequestKind::name).toList();
        for (Threshold t : thresholds) {
            if (!t.kind().isEmpty() && !kindNames.contains(t.kind())) {
                throw usage("--threshold '" + t + "' names the request '" + t.kind() + "', which "
                        + (kindNames.isEmpty() ? "needs --request or --scenario: without them there is one request, so drop '" + t.kind() + ":'"
                        : "the mix does not have; expected one of " + String.join(", ", kindNames)));
            }
            if (t.metric() == Threshold.Metric.RATE && !(model instanceof LoadModel.Open)) {
                throw usage("--threshold '" + t + "' compares the achieved with the target rate, which only the open model has:"
                        + " add --rate, or use rps");
            }
        }
        if (streams < 1) {
            throw usage("--streams (" + streams + ") must be >= 1");
        }
        if (streams != Defaults.STREAMS && !http2) {
            throw usage("--streams (" + streams + ") needs --http2: HTTP/1.1 has one request in flight per connection");
        }
        if (insecure && !"https".equalsIgnoreCase(target.getScheme())) {
            throw usage("--insecure applies to https:// and wss:// URLs only, not to '" + url + "'");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--tls-provider") && !"https".equalsIgnoreCase(target.getScheme())) {
            throw usage("--tls-provider applies to https:// URLs only, not to '" + url + "'");
        }
        if (abortOnFail && thresholds.isEmpty()) {
            throw usage("--abort-on-fail needs a --threshold to watch, e.g. --threshold 'p99<50ms'");
        }
        LoadSpec.Builder b = LoadSpec.builder(target).connections(connections).duration(measured).warmup(parseWarmup(warmup))
                .timeout(timeout).model(model).resolution(resolution).headers(parsedHeaders).method(m).body(bodyBytes)
                .requests(kinds).seed(seed).thresholds(thresholds).abortOnFail(abortOnFail)
                .http2(http2).streams(streams).insecure(insecure).tlsProvider(tlsProvider);
        if (threads != null) {
            b.threads(threads);
        }
        if (maxConnections != null) {
            b.maxConnections(maxConnections);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** @return the --request kinds, with -H's headers before each one's own; empty without --request */
    private List<RequestKind> requestKinds(List<Header> common) {
        List<RequestKind> out = new ArrayList<>();
        for (RequestOption r : requestOptions) {
            String[] parts = r.request.strip().split("\\s+");
            String where = "--request '" + r.request + "'";
            if (parts.length != 2 || !parts[0].chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') || !parts[1].startsWith("/")) {
                throw usage(where + " is not of the form 'METHOD PATH', e.g. 'GET /json' or 'POST /api/users/{random:1..10000}'");
            }
            int weight = r.weight == null ? 1 : r.weight;
            if (weight < 1) {
                throw usage("--weight (" + weight + ") of " + where + " must be a whole number >= 1");
            }
            List<Header> h = new ArrayList<>(common);
            for (String text : r.headers) {
                h.add(header(text, "--request-header"));
            }
            byte[] b = r.body == null ? new byte[0] : r.body.getBytes(StandardCharsets.UTF_8);
            String name = r.name != null ? r.name : RequestKind.defaultName(parts[1]);
            try {
                out.add(new RequestKind(name, parts[0].toUpperCase(Locale.ROOT), parts[1], h, b, weight));
            } catch (IllegalArgumentException e) {
                throw usage(where + ": " + e.getMessage());
            }
        }
        List<String> names = out.stream().map(RequestKind::name).toList();
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw usage("two requests are named '" + names.get(i) + "': give one of them --name NAME after its --request");
            }
        }
        return out;
    }

    private static List<RequestKind> withHeaders(List<RequestKind> kinds, List<Header> common) {
        if (common.isEmpty()) {
            return kinds;
        }
        return kinds.stream().map(k -> {
            List<Header> h = new ArrayList<>(common);
            h.addAll(k.headers());
            return new RequestKind(k.name(), k.method(), k.path(), h, k.body(), k.weight());
        }).toList();
    }

    private static Header header(String text, String option) {
        try {
            return Header.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(option + " '" + text + "' is not of the form 'Name: value'");
        }
    }

    private static RateArgument parseRate(String text) {
        try {
            double plain = Double.parseDouble(text.strip());
            if (!(plain > 0) || Double.isInfinite(plain)) {
                throw usage("--rate (" + plain + ") must be a positive number of requests per second");
            }
        } catch (NumberFormatException e) {
            // not a plain number: a rate with a unit, a ramp or steps
        }
        try {
            return RateArgument.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The options of this command that only an http:// URL takes (WsLoad checks the older ones: --method, --body...). */
    private static final List<String> HTTP_ONLY = List.of("--request", "--scenario", "--threshold", "--abort-on-fail",
            "--arrivals", "--seed", "--http2", "--streams", "--tls-provider");

    /** With a WebSocket URL: one line naming the first HTTP-only option given. */
    private void checkHttpOnlyOptions() {
        var parsed = spec.commandLine().getParseResult();
        for (String option : HTTP_ONLY) {
            if (parsed.hasMatchedOption(option)) {
                throw usage(option + " applies to http:// and https:// URLs only, not to the WebSocket URL '" + url + "'"
                        + (option.equals("--request") || option.equals("--scenario")
                        ? "; for WebSocket messages use --template, --message-size and --message-type" : ""));
            }
        }
    }

    /**
     * @return {@code --rate} as one constant rate, for a WebSocket load; null when not given
     * @throws UserException for a schedule (ramp or steps), which only the HTTP engine runs
     */
    Double constantRate() {
        if (rate == null) {
            return null;
        }
        RateArgument r = parseRate(rate);
        if (!r.stages().isEmpty()) {
            throw usage("--rate '" + rate + "' is a schedule, which applies to http:// and https:// URLs only; a WebSocket load takes one"
                    + " rate, e.g. -R 1000");
        }
        return r.constant();
    }

    private static Warmup parseWarmup(String text) {
        if ("stable".equalsIgnoreCase(text.trim())) {
            return Warmup.UntilStable.defaults();
        }
        try {
            return new Warmup.Fixed(new DurationConverter().convert(text));
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw usage("--warmup '" + text + "' is neither a duration (e.g. 5s) nor 'stable'");
        }
    }

    private static URI parseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw usage("URL '" + text + "' is not valid (" + e.getReason() + "): expected http://host[:port][/path], e.g. http://127.0.0.1:8080/json");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw usage("URL '" + text + "' is not valid: expected http[s]://host[:port][/path], e.g. http://127.0.0.1:8080/json");
        }
        return uri;
    }

    /** Parses {@code auto}, {@code openssl} or {@code jdk}, any case. */
    static final class TlsProviderConverter implements picocli.CommandLine.ITypeConverter<TlsClient.Provider> {
        @Override
        public TlsClient.Provider convert(String value) {
            for (TlsClient.Provider p : TlsClient.Provider.values()) {
                if (p.label().equalsIgnoreCase(value.strip())) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is none of auto, openssl, jdk");
        }
    }

    private static String formatRate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }
}
