package dev.stackbench.cli;

import dev.stackbench.loadgen.ws.WsDefaults;
import dev.stackbench.loadgen.ws.WsMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code stackbench load} that only a {@code ws://} or {@code wss://} URL takes
 * (a picocli mixin of {@link LoadCommand}). Parsing only; {@link WsLoad} checks and wires them.
 */
final class WsOptions {
    /** The two things WebSocket connections do. */
    enum Pattern { echo, fanout }

    /** How messages are framed. */
    enum MessageType { text, binary }

    @Option(names = "--pattern", paramLabel = "echo|fanout",
            description = "WebSocket URLs: 'echo' (every connection sends messages and times the server's echo; closed model, "
                    + "or open with -R across all connections) or 'fanout' (the connections subscribe; a publisher sends -R "
                    + "messages/s and every delivery is timed from its intended publish time).")
    Pattern pattern = Pattern.echo;

    @Option(names = "--publish", paramLabel = "URL",
            description = "Fan-out: who publishes: a ws:// or wss:// URL (one WebSocket connection sending frames) or an "
                    + "http:// or https:// URL (each message POSTed as the body). Default: a WebSocket connection to the target URL.")
    String publish;

    @Option(names = "--publish-connections", paramLabel = "N",
            description = "Fan-out over HTTP POST: keep-alive connections, one request in flight each.")
    int publishConnections = WsDefaults.PUBLISH_CONNECTIONS;

    @Option(names = "--message-size", paramLabel = "BYTES",
            description = "WebSocket URLs: bytes of every message, the 36-byte stamp included (filled up with {pad}). "
                    + "Default: " + WsDefaults.MESSAGE_SIZE + " with {pad} in the template, else the template's own size.")
    Integer messageSize;

    @Option(names = "--message-type", paramLabel = "text|binary", description = "WebSocket URLs: the frame type.")
    MessageType messageType = MessageType.text;

    @Option(names = "--template", paramLabel = "TEXT",
            description = "WebSocket URLs: the message, with {stamp} once (the send time and sequence number the receiver "
                    + "times it by; it may sit inside JSON) and {pad} (filler up to --message-size) at most once. "
                    + "Default: '" + WsDefaults.TEMPLATE + "'.")
    String template;

    /** The option names above, for the check that an HTTP URL was not given them. */
    private static final List<String> NAMES = List.of("--pattern", "--publish", "--publish-connections", "--message-size",
            "--message-type", "--template");

    /** @return whether {@code url} is a ws:// or wss:// URL (a syntactically bad one is left to the HTTP path's message) */
    static boolean isWebSocketUrl(String url) {
        try {
            String scheme = new URI(url).getScheme();
            return "ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
        } catch (URISyntaxException e) {
            return url.regionMatches(true, 0, "ws://", 0, 5) || url.regionMatches(true, 0, "wss://", 0, 6);
        }
    }

    /** @throws UserException when a WebSocket-only option was given with an HTTP URL */
    static void rejectForHttp(ParseResult parsed, String url) {
        for (String name : NAMES) {
            if (parsed.hasMatchedOption(name)) {
                throw new UserException(ExitCode.USAGE, name + " applies to ws:// and wss:// URLs only, not to '" + url
                        + "': drop it, or give a WebSocket URL such as ws://127.0.0.1:8080/ws");
            }
        }
    }

    /** @return the message the options describe */
    WsMessage message() {
        String t = template == null ? WsDefaults.TEMPLATE : template;
        WsMessage.Kind kind = messageType == MessageType.binary ? WsMessage.Kind.BINARY : WsMessage.Kind.TEXT;
        if (messageSize != null) {
            return new WsMessage(kind, messageSize, t);
        }
        // without a size, a template without {pad} sets the size itself
        int minimum = WsMessage.minimumSize(t);
        int size = t.contains(WsMessage.PAD) ? Math.max(WsDefaults.MESSAGE_SIZE, minimum) : minimum;
        return new WsMessage(kind, size, t);
    }
}
