package dev.stackbench.runner.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackbench.config.ConfigException;
import dev.stackbench.config.YamlDocument;
import dev.stackbench.config.YamlMap;
import dev.stackbench.config.YamlValue;
import dev.stackbench.loadgen.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request set. By the file's name:
 * <ul>
 *   <li>{@code *.har}: a HAR file exported from a browser ({@link HarFile});</li>
 *   <li>{@code *.yaml}, {@code *.yml}: {@code requests:}, a list of {@code {method, path, headers, body}}
 *       ({@code headers} a mapping of names to text, {@code body} text; method defaults to GET);</li>
 *   <li>anything else: one request per line, {@code METHOD PATH [JSON body]}; blank lines and lines
 *       starting with {@code #} are skipped. A body is sent with {@code Content-Type: application/json}.</li>
 * </ul>
 * Every mistake is a {@link ConfigException} of one line naming the file, where, the value and what
 * was expected.
 */
public final class RequestFile {
    /** Headers the JDK HTTP client sets itself and refuses to be given; dropped when read. */
    static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "connection", "expect", "upgrade", "keep-alive",
            "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");
    private static final String LINE_FORM = "METHOD PATH [JSON body], e.g. GET /api/users/1 or POST /api/users {\"name\":\"Ada\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestFile() {
    }

    /** @return the requests, in file order; at least one */
    public static List<ReplayRequest> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".har")) {
            return HarFile.read(file);
        }
        String source = "requests file '" + file + "'";
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return yaml(YamlDocument.read(file, source).root("requests: a list of {method, path, headers, body}"), source);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "no such file; expected a requests file (" + LINE_FORM + "), a .yaml or a .har file");
        } catch (IOException e) {
            throw new ConfigException(source, "cannot be read: " + e.getMessage());
        }
        return lines(text, source);
    }

    /** Reads the one-per-line form; {@code source} names it in messages. */
    static List<ReplayRequest> lines(String text, String source) {
        List<ReplayRequest> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 2) {
                throw new ConfigException(source, where + " is \"" + line + "\"; expected " + LINE_FORM);
            }
            if (!parts[0].chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new ConfigException(source, where + ": method \"" + parts[0] + "\" is not an upper-case HTTP method; expected " + LINE_FORM);
            }
            if (!parts[1].startsWith("/")) {
                throw new ConfigException(source, where + ": path \"" + parts[1] + "\" does not start with /; expected " + LINE_FORM);
            }
            List<Header> headers = List.of();
            byte[] body = new byte[0];
            if (parts.length == 3) {
                try {
                    JSON.readTree(parts[2]);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new ConfigException(source, where + ": the body " + shorten(parts[2]) + " is not valid JSON ("
                            + e.getOriginalMessage() + "); expected " + LINE_FORM);
                }
                headers = List.of(new Header("Content-Type", "application/json"));
                body = parts[2].getBytes(StandardCharsets.UTF_8);
            }
            out.add(new ReplayRequest(parts[0], parts[1], headers, body));
        }
        if (out.isEmpty()) {
            throw new ConfigException(source, "holds no request; expected one per line: " + LINE_FORM);
        }
        return out;
    }

    private static List<ReplayRequest> yaml(YamlMap root, String source) {
        root.allowOnly(List.of("requests"));
        List<ReplayRequest> out = new ArrayList<>();
        for (YamlValue item : root.require("requests", "a list of {method, path, headers, body}").nonEmptyList("a list of {method, path, headers, body}")) {
            YamlMap m = item.map("a mapping with method, path, headers and body");
            m.allowOnly(List.of("method", "path", "headers", "body"));
            String method = m.get("method").map(v -> v.text("an upper-case HTTP method such as GET")).orElse("GET");
            if (!method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw m.require("method", "").invalid("an upper-case HTTP method such as GET");
            }
            YamlValue path = m.require("path", "a path starting with /, e.g. /api/users/1");
            String target = path.text("a path starting with /, e.g. /api/users/1");
            if (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ')) {
                throw path.invalid("a path starting with /, e.g. /api/users/1, without spaces");
            }
            List<Header> headers = new ArrayList<>();
            if (m.has("headers")) {
                YamlMap h = m.require("headers", "").map("a mapping of header names to values, e.g. {Accept: application/json}");
                for (String name : h.keys()) {
                    String value = h.require(name, "").scalar("a header value");
                    try {
                        if (!CLIENT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                            headers.add(new Header(name, value));
                        }
                    } catch (IllegalArgumentException e) {
                        throw h.require(name, "").invalid("a header value without line breaks, under a valid header name");
                    }
                }
            }
            byte[] body = m.get("body").map(v -> v.scalar("the body as text, e.g. body: '{\"name\": \"Ada\"}'"))
                    .map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
            out.add(new ReplayRequest(method, target, headers, body));
        }
        return out;
    }

    static String shorten(String text) {
        return "\"" + (text.length() <= 40 ? text : text.substring(0, 40) + "...") + "\"";
    }

}
