package dev.stackbench.cli;

import dev.stackbench.runner.HlogWriter;
import dev.stackbench.loadgen.Header;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.OpenFileLimitException;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.loadgen.summary.WsSummaryPrinter;
import dev.stackbench.loadgen.ws.Publisher;
import dev.stackbench.loadgen.ws.PublisherUnavailableException;
import dev.stackbench.loadgen.ws.WsLoadGenerator;
import dev.stackbench.loadgen.ws.WsMessage;
import dev.stackbench.loadgen.ws.WsPattern;
import dev.stackbench.loadgen.ws.WsResult;
import dev.stackbench.loadgen.ws.WsSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import picocli.CommandLine.ParseResult;

/**
 * {@code stackbench load ws://...}: checks {@link LoadCommand}'s shared options and the
 * {@link WsOptions} against each other, runs the WebSocket engine and prints its summary.
 */
final class WsLoad {
    /** {@link LoadCommand} options that only an HTTP URL takes. */
    private static final List<String> HTTP_ONLY = List.of("--method", "--body", "--body-file", "--resolution");

    private final LoadCommand load;
    private final WsOptions ws;
    private Double rate; // --rate as one constant rate (LoadCommand reads the text)

    WsLoad(LoadCommand load, WsOptions ws) {
        this.load = load;
        this.ws = ws;
    }

    int call() throws IOException, InterruptedException {
        WsSpec spec = toSpec(load.spec.commandLine().getParseResult());
        WsLoadGenerator generator = new WsLoadGenerator(spec);
        try {
            generator.checkOpenFileLimit();
        } catch (OpenFileLimitException e) {
            throw new UserException(ExitCode.ENVIRONMENT, "--connections " + load.connections + ": " + e.getMessage());
        }
        PrintWriter out = load.spec.commandLine().getOut();
        WsSummaryPrinter printer = new WsSummaryPrinter(out);
        printer.header(spec);
        out.flush();
        List<ProgressListener> listeners = new ArrayList<>();
        HlogWriter hlog = null;
        if (load.hlog != null) {
            try {
                hlog = HlogWriter.create(load.hlog, "stackbench load " + spec + "; values in microseconds", false);
            } catch (IOException e) {
                throw new UserException(ExitCode.USAGE, "--hlog '" + load.hlog + "' cannot be written: " + e.getMessage());
            }
            listeners.add(hlog);
        }
        if (System.console() != null) {
            listeners.add(new LiveProgress(load.spec.commandLine().getErr(), spec.duration()));
        }
        WsResult result;
        try {
            result = generator.run(ProgressListener.all(listeners));
        } catch (UnknownHostException e) {
            throw new UserException(ExitCode.ENVIRONMENT, "a host does not resolve (" + e.getMessage()
                    + "): check the spelling of the URL and of --publish, or use an IP address such as 127.0.0.1");
        } catch (PublisherUnavailableException e) {
            throw new UserException(ExitCode.ENVIRONMENT, e.getMessage() + ": check --publish and that the server is up");
        } catch (SSLException e) {
            throw new UserException(ExitCode.ENVIRONMENT, "TLS is not available in this JVM (" + e.getMessage() + ")");
        } finally {
            if (hlog != null) {
                hlog.close();
            }
        }
        printer.summary(result, load.latencySpectrum, load.timeline);
        if (load.json != null) {
            new WsResultJson().write(result, load.json);
            out.println("  JSON       " + load.json);
        }
        if (load.hlog != null) {
            out.println("  hlog       " + load.hlog);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** Validates the options against each other and builds the engine's spec. */
    WsSpec toSpec(ParseResult parsed) {
        rate = load.constantRate();
        for (String name : HTTP_ONLY) {
            if (parsed.hasMatchedOption(name)) {
                throw usage(name + " applies to http:// and https:// URLs only, not to the WebSocket URL '" + load.url
                        + "'; for WebSocket messages use --template, --message-size and --message-type");
            }
        }
        URI target;
        try {
            target = new URI(load.url);
        } catch (URISyntaxException e) {
            throw usage("URL '" + load.url + "' is not valid (" + e.getReason() + "): expected ws://host[:port][/path], e.g. ws://127.0.0.1:8080/ws");
        }
        if (!WsSpec.isWebSocket(target)) {
            throw usage("URL '" + load.url + "' is not valid: expected ws://host[:port][/path], e.g. ws://127.0.0.1:8080/ws");
        }
        if (load.connections < 1) {
            throw usage("--connections (" + load.connections + ") must be >= 1");
        }
        if (load.threads != null && load.threads < 1) {
            throw usage("--threads (" + load.threads + ") must be >= 1");
        }
        if (load.threads != null && load.connections < load.threads) {
            throw usage("--connections (" + load.connections + ") must be >= --threads (" + load.threads + ")");
        }
        if (load.duration.isZero()) {
            throw usage("--duration (" + DurationConverter.format(load.duration) + ") must be > 0");
        }
        if (load.timeout.isZero()) {
            throw usage("--timeout (" + DurationConverter.format(load.timeout) + ") must be > 0");
        }
        if (rate != null && (!(rate > 0) || rate.isInfinite())) {
            throw usage("--rate (" + rate + ") must be a positive number of messages per second");
        }
        WsPattern pattern = pattern(parsed);
        WsMessage message;
        try {
            message = ws.message();
        } catch (IllegalArgumentException e) {
            throw usage("--template/--message-size: " + e.getMessage());
        }
        List<Header> headers = new ArrayList<>();
        for (String h : load.headers) {
            try {
                headers.add(Header.parse(h));
            } catch (IllegalArgumentException e) {
                throw usage("--header '" + h + "' is not of the form 'Name: value'");
            }
        }
        WsSpec.Builder b = WsSpec.builder(target).connections(load.connections).duration(load.duration).warmup(wsWarmup(load.warmup))
                .timeout(load.timeout).pattern(pattern).message(message).headers(headers).insecure(load.insecure);
        if (load.threads != null) {
            b.threads(load.threads);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private WsPattern pattern(ParseResult parsed) {
        if (ws.pattern == WsOptions.Pattern.echo) {
            if (parsed.hasMatchedOption("--publish") || parsed.hasMatchedOption("--publish-connections")) {
                throw usage((parsed.hasMatchedOption("--publish") ? "--publish" : "--publish-connections")
                        + " applies to --pattern fanout only; echo connections send their own messages");
            }
            if (rate == null) {
                return new WsPattern.Echo(new LoadModel.Closed());
            }
            requireDuration(parsed, "--rate needs --duration: say how long to keep the rate, e.g. -R " + format(rate) + " -d 30s");
            return new WsPattern.Echo(new LoadModel.Open(rate));
        }
        if (rate == null) {
            throw usage("--pattern fanout needs --rate: the messages published per second, e.g. -R 1000");
        }
        if (ws.publishConnections < 1) {
            throw usage("--publish-connections (" + ws.publishConnections + ") must be >= 1");
        }
        Publisher publisher;
        if (ws.publish == null) {
            publisher = new Publisher.Socket(null);
        } else {
            URI url;
            try {
                url = new URI(ws.publish);
            } catch (URISyntaxException e) {
                throw usage("--publish '" + ws.publish + "' is not a valid URL (" + e.getReason() + ")");
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (url.getHost() != null && (scheme.equals("ws") || scheme.equals("wss"))) {
                publisher = new Publisher.Socket(url);
            } else if (url.getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
                publisher = new Publisher.HttpPost(url, ws.publishConnections);
            } else {
                throw usage("--publish '" + ws.publish + "' must be a ws://, wss://, http:// or https:// URL with a host, "
                        + "e.g. http://127.0.0.1:8080/publish");
            }
        }
        return new WsPattern.FanOut(publisher, rate);
    }

    private void requireDuration(ParseResult parsed, String message) {
        if (!parsed.hasMatchedOption("--duration")) {
            throw usage(message);
        }
    }

    private static String format(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }

    /** @return the fixed warm-up of a WebSocket run: 'stable' belongs to the HTTP engine */
    private static java.time.Duration wsWarmup(String text) {
        if (text.trim().equalsIgnoreCase("stable")) {
            throw new UserException(ExitCode.USAGE, "--warmup stable works for HTTP only; give a WebSocket run a duration, e.g. --warmup 3s");
        }
        return new DurationConverter().convert(text);
    }
}
