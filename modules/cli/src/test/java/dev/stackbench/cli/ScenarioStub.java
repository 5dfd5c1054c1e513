package dev.stackbench.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backend for scenario diffs on loopback port 0 that records every request it receives, in
 * order: {@code GET /json}, {@code GET /api/users/N} and {@code POST /api/users/N/orders}, whose
 * answer echoes the user and the body and carries {@code "status"} as configured. Anything else is
 * 404. Close it to stop it.
 */
final class ScenarioStub implements AutoCloseable {
    private static final Pattern USER = Pattern.compile("/api/users/(\\d{1,9})");
    private static final Pattern ORDERS = Pattern.compile("/api/users/(\\d{1,9})/orders");

    /**
     * One request as received.
     *
     * @param method      e.g. POST
     * @param target      path and query
     * @param contentType its Content-Type header, or null
     * @param userAgent   its User-Agent header: the JDK client's for replayed requests, {@code stackbench} for the load generator's
     * @param body        the body as text
     */
    record Received(String method, String target, String contentType, String userAgent, String body) {
        boolean fromLoadGenerator() {
            return "stackbench".equals(userAgent);
        }
    }

    private final HttpServer server;
    private final String orderStatus;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    /** @param orderStatus the {@code status} of an order's answer, e.g. {@code created} */
    ScenarioStub(String orderStatus) throws IOException {
        this.orderStatus = orderStatus;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return every request received so far, in order of arrival */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** @return the requests the diff replayed (not the load generator's), in order */
    List<Received> replayed() {
        return received().stream().filter(r -> !r.fromLoadGenerator()).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
        String method = x.getRequestMethod();
        received.add(new Received(method, target, x.getRequestHeaders().getFirst("Content-Type"),
                x.getRequestHeaders().getFirst("User-Agent"), body));
        Matcher user = USER.matcher(target);
        Matcher orders = ORDERS.matcher(target);
        int status = 200;
        String answer;
        if (method.equals("GET") && target.equals("/json")) {
            answer = "{\"message\":\"Hello, World!\"}";
        } else if (method.equals("GET") && user.matches()) {
            answer = "{\"id\":" + user.group(1) + ",\"name\":\"User " + user.group(1) + "\"}";
        } else if (method.equals("POST") && orders.matches()) {
            status = 201;
            answer = "{\"user\":" + orders.group(1) + ",\"order\":" + (body.isEmpty() ? "null" : body) + ",\"status\":\"" + orderStatus + "\"}";
        } else {
            status = 404;
            answer = "{\"error\":\"Not found\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
