package dev.stackbench.runner.diff;

import dev.stackbench.analysis.diff.Exchange;
import dev.stackbench.analysis.diff.Response;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.loadgen.Header;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Replays requests to the old, the new and (when given) a second old backend with the JDK
 * HttpClient over HTTP/1.1, one request at a time: old, old2, then new for each request, so that
 * the three see the same sequence. Each backend must answer the first request: otherwise
 * {@link UnreachableException} (after old, old2 and new were each sent it once), since a diff
 * against nothing says nothing.
 */
public final class Replayer {
    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout per request, from send to the complete response, > 0 */
    public Replayer(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must be > 0");
        }
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param progress told the number of requests done after each one
     * @return one exchange per request, in order
     * @throws UnreachableException when a backend gives no response to the first request
     * @throws InterruptedException when interrupted
     */
    public List<Exchange> replay(List<ReplayRequest> requests, Backend old, Backend neu, Optional<Backend> old2,
                                 IntConsumer progress) throws InterruptedException {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no request to replay");
        }
        List<Exchange> out = new ArrayList<>();
        for (ReplayRequest r : requests) {
            Response a = send(old, r);
            Optional<Response> a2 = old2.isPresent() ? Optional.of(send(old2.get(), r)) : Optional.empty();
            Response b = send(neu, r);
            if (out.isEmpty()) {
                // the first request is sent once, like every other (it may not be idempotent): no answer to it, no diff
                unreachable(old, r, a);
                unreachable(neu, r, b);
                if (old2.isPresent()) {
                    unreachable(old2.get(), r, a2.get());
                }
            }
            out.add(new Exchange(r.method(), r.target(), a, b, a2, r.endpoint()));
            progress.accept(out.size());
        }
        return out;
    }

    private static void unreachable(Backend b, ReplayRequest r, Response response) {
        if (response instanceof Response.Failed f) {
            throw new UnreachableException(b.role() + " " + b.base() + " did not answer " + r + ": " + f.reason()
                    + "; start the backend there or correct the URL");
        }
    }

    /** @return the backend's response to one request, or why there was none */
    Response send(Backend backend, ReplayRequest r) throws InterruptedException {
        byte[] body = r.body();
        HttpRequest.Builder b = HttpRequest.newBuilder(backend.resolve(r.target())).timeout(timeout)
                .method(r.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Header h : r.headers()) {
            b.header(h.name(), h.value());
        }
        try {
            HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response.Answered(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException e) {
            return new Response.Failed("no connection within " + DurationFormat.format(timeout));
        } catch (HttpTimeoutException e) {
            return new Response.Failed("no response within " + DurationFormat.format(timeout));
        } catch (ConnectException e) {
            return new Response.Failed("connection refused");
        } catch (IOException e) {
            return new Response.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
