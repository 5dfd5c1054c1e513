package dev.stackbench.cli;

import dev.stackbench.loadgen.Defaults;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.LoadGenerator;
import dev.stackbench.runner.HlogWriter;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadResult;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.OpenFileLimitException;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.Warmup;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stackbench load URL}: drive load against any HTTP/1.1 URL and report what happened. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Load one URL over HTTP or WebSocket and summarise it.",
                "Closed model: -c connections, each sending its next request as soon as the last one completed. Open"
                        + " model: -R requests per second on a fixed schedule, latency timed from each request's intended"
                        + " send time, so without coordinated omission."},
        footer = {"", "Examples:",
                "  stackbench load -c 100 -d 10s http://127.0.0.1:8080/json",
                "  stackbench load -R 20000 -c 200 -d 30s --warmup 5s --latency \\",
                "      http://127.0.0.1:8080/json",
                "  stackbench load -R 5000 -d 30s --warmup stable --max-connections 500 \\",
                "      http://127.0.0.1:8080/json",
                "  stackbench load --method POST -H 'Content-Type: application/json' \\",
                "      --body '{\"a\":1}' http://127.0.0.1:8080/echo"})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "Target, http://host[:port][/path][?query], or a WebSocket URL, "
            + "ws:// or wss:// (see --pattern; docs/load-websocket.md).")
    String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "Concurrent keep-alive connections.")
    int connections = Defaults.CONNECTIONS;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "Measured interval (after the warm-up), e.g. 10s, 2m.")
    Duration duration = Defaults.DURATION;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Event loops (default: the CPUs this process may use, at most --connections).")
    Integer threads;

    @Option(names = {"-R", "--rate"}, paramLabel = "PER_SECOND",
            description = "Open model: constant arrival rate in requests/s (needs --duration). Without it: closed model.")
    Double rate;

    @Option(names = "--resolution", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Open model: send the requests due within each window of this length together, timed from the "
                    + "window's start (0: each at its own time). 1ms paces like wrk2: fewer wake-ups, burstier arrivals.")
    Duration resolution = Defaults.RESOLUTION;

    @Option(names = "--warmup", paramLabel = "TIME|stable",
            description = "Load before the measured interval, not recorded: a duration, or 'stable' to warm up until the "
                    + "rate of 250 ms samples varies by less than 5% (coefficient of variation) over 2 s, for 1s..30s.")
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

    @Option(names = "--latency", description = "Print the full latency percentile spectrum (HdrHistogram).")
    boolean latencySpectrum;

    @Option(names = "--timeline", description = "Print the per-second timeline (requests, errors, p99).")
    boolean timeline;

    @Option(names = "--hlog", paramLabel = "FILE", description = "Write the HdrHistogram interval log (one histogram a second).")
    Path hlog;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result with its environment as JSON.")
    Path json;

    @Mixin
    WsOptions ws = new WsOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (WsOptions.isWebSocketUrl(url)) {
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
        return ExitCode.OK.code();
    }

    /** Validates the options against each other and builds the engine's spec. */
    LoadSpec toSpec() throws IOException {
        URI target = parseUrl(url);
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
        LoadModel model = new LoadModel.Closed();
        if (rate != null) {
            if (!(rate > 0) || rate.isInfinite()) {
                throw usage("--rate (" + rate + ") must be a positive number of requests per second");
            }
            if (!spec.commandLine().getParseResult().hasMatchedOption("--duration")) {
                throw usage("--rate needs --duration: say how long to keep the rate, e.g. -R " + formatRate(rate) + " -d 30s");
            }
            model = new LoadModel.Open(rate);
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
            try {
                parsedHeaders.add(Header.parse(h));
            } catch (IllegalArgumentException e) {
                throw usage("--header '" + h + "' is not of the form 'Name: value'");
            }
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.chars().allMatch(c -> c >= 'A' && c <= 'Z') || m.isEmpty()) {
            throw usage("--method '" + method + "' is not an HTTP method such as GET or POST");
        }
        if (maxConnections != null && rate == null) {
            throw usage("--max-connections applies to the open model only: add --rate, or use --connections for the closed model");
        }
        if (maxConnections != null && maxConnections < connections) {
            throw usage("--max-connections (" + maxConnections + ") must be >= --connections (" + connections + ")");
        }
        LoadSpec.Builder b = LoadSpec.builder(target).connections(connections).duration(duration).warmup(parseWarmup(warmup))
                .timeout(timeout).model(model).resolution(resolution).headers(parsedHeaders).method(m).body(bodyBytes);
        if (threads != null) {
            b.threads(threads);
        }
        if (maxConnections != null) {
            b.maxConnections(maxConnections);
        }
        return b.build();
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
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            throw usage("URL '" + text + "' uses https, which stackbench load does not support yet: use a plain http:// URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw usage("URL '" + text + "' is not valid: expected http://host[:port][/path], e.g. http://127.0.0.1:8080/json");
        }
        return uri;
    }

    private static String formatRate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }
}
