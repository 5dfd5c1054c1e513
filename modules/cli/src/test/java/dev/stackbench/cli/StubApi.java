package dev.stackbench.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stub of the docs/api.md endpoints on loopback port 0 (JDK HttpServer adds its own Date), with
 * known deviations switched on by {@link Variant}. Close it to stop it.
 */
final class StubApi implements AutoCloseable {
    private static final Pattern USER = Pattern.compile("/api/users/(.*)");
    private static final Pattern INT = Pattern.compile("-?\\d+");

    /**
     * @param server          the Server header
     * @param spaced          JSON with other whitespace and member order (still equal as JSON)
     * @param renameUser7     user 7's name is "user 7"
     * @param status500ForId0 /api/users/0 answers 500 instead of 404
     * @param reverseTags3    user 3's tags in reverse order
     * @param randomRequestId every JSON object answer carries a random requestId
     */
    record Variant(String server, boolean spaced, boolean renameUser7, boolean status500ForId0, boolean reverseTags3,
                   boolean randomRequestId) {
        static Variant plain(String server) {
            return new Variant(server, false, false, false, false, false);
        }
    }

    private final HttpServer server;
    private final Variant variant;

    private StubApi(Variant variant) throws IOException {
        this.variant = variant;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static StubApi start(Variant variant) throws IOException {
        return new StubApi(variant);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        int status = 200;
        String body;
        Matcher user = USER.matcher(path);
        if (path.equals("/json")) {
            body = variant.spaced ? "{ \"message\" : \"Hello, World!\" }" : "{\"message\":\"Hello, World!\"}";
        } else if (user.matches()) {
            String id = user.group(1);
            if (!INT.matcher(id).matches()) {
                status = 400;
                body = "{\"error\":\"id must be an integer\"}";
            } else if (id.length() > 6 || Integer.parseInt(id) < 1 || Integer.parseInt(id) > 10000) {
                status = variant.status500ForId0 && id.equals("0") ? 500 : 404;
                body = "{\"error\":\"User not found\"}";
            } else {
                int n = Integer.parseInt(id);
                String name = variant.renameUser7 && n == 7 ? "user 7" : "User " + n;
                String tags = variant.reverseTags3 && n == 3 ? "[\"c\",\"b\",\"a\"]" : "[\"a\",\"b\",\"c\"]";
                body = variant.spaced
                        ? "{\n  \"tags\": " + tags + ",\n  \"email\": \"user" + n + "@example.com\",\n  \"name\": \"" + name + "\",\n  \"id\": " + n + "\n}"
                        : "{\"id\":" + n + ",\"name\":\"" + name + "\",\"email\":\"user" + n + "@example.com\",\"tags\":" + tags + "}";
            }
        } else if (path.equals("/io") || path.equals("/cpu")) {
            String key = path.equals("/io") ? "ms" : "n";
            String value = query != null && query.startsWith(key + "=") ? query.substring(key.length() + 1) : "";
            int min = path.equals("/io") ? 0 : 1;
            int max = path.equals("/io") ? 10000 : 1000000;
            if (!INT.matcher(value).matches() || value.length() > 7 || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
                status = 400;
                body = "{\"error\":\"query parameter " + key + " must be an integer from " + min + " to " + max + "\"}";
            } else if (path.equals("/io")) {
                body = "{\"waitedMs\":" + value + "}";
            } else {
                int n = Integer.parseInt(value);
                body = "{\"n\":" + n + ",\"primes\":" + primes(n) + "}";
            }
        } else {
            status = 404;
            body = "{\"error\":\"Not found\"}";
        }
        if (variant.randomRequestId && body.startsWith("{") && !body.startsWith("{ ")) {
            body = "{\"requestId\":\"" + UUID.randomUUID() + "\"," + body.substring(1);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.getResponseHeaders().set("Server", variant.server);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static int primes(int n) {
        int count = 0;
        for (int k = 2; k <= n; k++) {
            boolean prime = true;
            for (int d = 2; d * d <= k; d++) {
                if (k % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
