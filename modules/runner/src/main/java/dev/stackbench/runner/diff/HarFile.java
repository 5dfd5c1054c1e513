package dev.stackbench.runner.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackbench.config.ConfigException;
import dev.stackbench.loadgen.Header;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the requests of a HAR 1.2 file (a browser's "Save all as HAR"): {@code log.entries[].request}
 * with its {@code method}, {@code url} (only the path and query are kept: the backends are the ones
 * named on the command line), {@code headers} (HTTP/2 pseudo-headers, cookies and the headers the
 * HTTP client owns dropped) and {@code postData.text}.
 */
final class HarFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HarFile() {
    }

    static List<ReplayRequest> read(Path file) {
        String source = "HAR file '" + file + "'";
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage() + "; expected a HAR file as a browser exports it");
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ConfigException(source, "no such file; expected a HAR file as a browser exports it");
        } catch (IOException e) {
            throw new ConfigException(source, "cannot be read: " + e.getMessage());
        }
        JsonNode entries = root == null ? null : root.path("log").get("entries");
        if (entries == null || !entries.isArray()) {
            throw new ConfigException(source, "has no log.entries list; expected a HAR file as a browser exports it ({\"log\": {\"entries\": [...]}})");
        }
        List<ReplayRequest> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "log.entries[" + i + "].request";
            JsonNode request = entries.get(i).get("request");
            if (request == null || !request.isObject()) {
                throw new ConfigException(source, where + " is missing; expected {method, url, headers}");
            }
            String method = request.path("method").asText("");
            if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new ConfigException(source, where + ".method is " + request.path("method") + "; expected an upper-case HTTP method such as GET");
            }
            String target = target(request.path("url").asText(""), source, where);
            List<Header> headers = new ArrayList<>();
            for (JsonNode h : request.path("headers")) {
                String name = h.path("name").asText("");
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith(":") || lower.equals("cookie") || RequestFile.CLIENT_OWNED.contains(lower)) {
                    continue;
                }
                try {
                    headers.add(new Header(name, h.path("value").asText("")));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source, where + ".headers: " + e.getMessage());
                }
            }
            byte[] body = request.path("postData").path("text").asText("").getBytes(StandardCharsets.UTF_8);
            out.add(new ReplayRequest(method, target, headers, body));
        }
        if (out.isEmpty()) {
            throw new ConfigException(source, "has no entries; record some requests in the browser before exporting");
        }
        return out;
    }

    private static String target(String url, String source, String where) {
        try {
            URI uri = new URI(url);
            if (uri.getRawPath() == null || !url.contains("://")) {
                throw new URISyntaxException(url, "not an absolute URL");
            }
            String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            throw new ConfigException(source, where + ".url is \"" + url + "\"; expected an absolute URL such as https://example.com/api/users/1");
        }
    }
}
