package dev.stackbench.lab.verify;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code realtime} checks of spec v2 (docs/api.md) with the JDK's WebSocket client: three
 * connections to {@code /ws} (subscriber 1, subscriber 2, the publisher); the publisher sends a
 * text message, and every one of the three (the sender included) must receive it unchanged within
 * the delivery timeout ({@code WS /ws broadcast}); the publisher's ping must be answered by a pong
 * with its payload ({@code WS /ws ping}); every connection's close frame must be answered by the
 * server's ({@code WS /ws close}).
 *
 * <p>A server may register a new connection slightly after its upgrade response, so the publisher
 * repeats the message (a new one each time) every {@link #RESEND} until all three have one or the
 * timeout passes; any text that is not one of the sent messages fails the check. Each check is
 * bounded by the timeout. Not thread-safe: one {@link #run} at a time.
 */
final class RealtimeCheck {
    /** How often the publisher sends a new message while some receiver has none yet. */
    static final Duration RESEND = Duration.ofMillis(500);
    static final String BROADCAST = "WS /ws broadcast";
    static final String PING = "WS /ws ping";
    static final String CLOSE = "WS /ws close";
    /** How many checks {@link #run} reports when every connection opens. */
    static final int CHECKS = 3;
    private static final String[] NAMES = {"subscriber 1", "subscriber 2", "the publisher"};
    private static final int MAX_SHOWN_CHARS = 80;

    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param http    the client the WebSockets are built from (HTTP/1.1)
     * @param timeout bound of each connect + upgrade, of the deliveries, of the pong and of the close
     */
    RealtimeCheck(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** @return the three checks' results, or one failed {@code WS /ws broadcast} when a connection cannot open */
    List<CheckResult> run(URI base) {
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/ws");
        List<Receiver> receivers = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        try {
            for (String name : NAMES) {
                Receiver r = new Receiver();
                String problem = r.open(http, ws, timeout);
                if (problem != null) {
                    results.add(new CheckResult.Failed(BROADCAST, name + ": " + problem));
                    return results;
                }
                receivers.add(r);
            }
            results.add(broadcast(receivers));
            results.add(ping(receivers.get(2)));
            results.add(close(receivers));
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results.add(new CheckResult.Failed(BROADCAST, "interrupted"));
            return results;
        } finally {
            receivers.forEach(Receiver::abort);
        }
    }

    private CheckResult broadcast(List<Receiver> receivers) throws InterruptedException {
        Receiver publisher = receivers.get(2);
        List<String> sent = new ArrayList<>();
        long nonce = ThreadLocalRandom.current().nextLong(1L << 40);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean[] got = new boolean[receivers.size()];
        long nextSend = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (now >= nextSend && now < deadline) {
                String message = "stackbench verify " + Long.toHexString(nonce) + " #" + (sent.size() + 1);
                sent.add(message);
                try {
                    publisher.socket.sendText(message, true).get(Math.max(1, deadline - now), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    return new CheckResult.Failed(BROADCAST, "the publisher could not send: " + describe(e));
                }
                nextSend = now + RESEND.toNanos();
            }
            for (int i = 0; i < receivers.size(); i++) {
                String text;
                while ((text = receivers.get(i).texts.poll()) != null) {
                    if (!sent.contains(text)) {
                        return new CheckResult.Failed(BROADCAST, NAMES[i] + " received " + shown(text)
                                + "; expected a published message unchanged, e.g. " + shown(sent.get(0)));
                    }
                    got[i] = true;
                }
            }
            int missing = firstMissing(got);
            if (missing < 0) {
                return new CheckResult.Passed(BROADCAST);
            }
            if (System.nanoTime() >= deadline) {
                return new CheckResult.Failed(BROADCAST, NAMES[missing] + " received none of the " + sent.size()
                        + " messages sent on another /ws connection within " + seconds(timeout)
                        + "; expected each broadcast to every /ws connection, the sender included");
            }
            Receiver r = receivers.get(missing);
            String text = r.texts.poll(Math.min(nextSend, deadline) - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (text != null) {
                r.texts.offer(text); // examined in order on the next pass
            }
        }
    }

    private static int firstMissing(boolean[] got) {
        for (int i = 0; i < got.length; i++) {
            if (!got[i]) {
                return i;
            }
        }
        return -1;
    }

    private CheckResult ping(Receiver publisher) throws InterruptedException {
        ByteBuffer payload = ByteBuffer.wrap("stackbench".getBytes(StandardCharsets.US_ASCII));
        publisher.socket.sendPing(payload.duplicate());
        String pong = publisher.pongs.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (pong == null) {
            return new CheckResult.Failed(PING, "no pong within " + seconds(timeout) + "; expected a pong with the ping's payload");
        }
        return pong.equals("stackbench") ? new CheckResult.Passed(PING)
                : new CheckResult.Failed(PING, "pong payload " + shown(pong) + "; expected \"stackbench\"");
    }

    private CheckResult close(List<Receiver> receivers) throws InterruptedException {
        for (Receiver r : receivers) {
            r.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < receivers.size(); i++) {
            try {
                receivers.get(i).closed.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return new CheckResult.Failed(CLOSE, NAMES[i] + ": no close frame from the server within "
                        + seconds(timeout) + " of ours; expected the close handshake");
            }
        }
        return new CheckResult.Passed(CLOSE);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String shown(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > MAX_SHOWN_CHARS ? oneLine.substring(0, MAX_SHOWN_CHARS) + "..." : oneLine) + "\"";
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "timed out";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    /** One connection: its complete text messages, the payloads of its pongs, and the server's close. */
    private static final class Receiver implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        /** @return null once open, else why not (one line) */
        String open(HttpClient http, URI ws, Duration timeout) throws InterruptedException {
            try {
                socket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(ws, this)
                        .get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
                return null;
            } catch (TimeoutException e) {
                return "no upgrade response within " + seconds(timeout) + " (" + ws + ")";
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof WebSocketHandshakeException h) {
                    return "upgrade refused: HTTP " + h.getResponse().statusCode() + " for GET " + ws.getPath()
                            + "; expected 101 Switching Protocols";
                }
                if (c instanceof ConnectException) {
                    return "cannot connect to " + ws;
                }
                if (c instanceof HttpTimeoutException) {
                    return "no upgrade response within " + seconds(timeout) + " (" + ws + ")";
                }
                return "upgrade failed: " + describe(e);
            }
        }

        void abort() {
            if (socket != null) {
                socket.abort();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs.add(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
