package dev.stackbench.loadgen.ws;

import java.net.URI;

/** Who publishes the messages of a {@link WsPattern.FanOut} run. */
public sealed interface Publisher permits Publisher.Socket, Publisher.HttpPost {

    /**
     * One WebSocket connection that sends every message as a frame; what it receives is ignored.
     *
     * @param url {@code ws://} or {@code wss://} URL, or {@code null} for the subscribers' own URL
     */
    record Socket(URI url) implements Publisher {
        public Socket {
            if (url != null && !WsSpec.isWebSocket(url)) {
                throw new IllegalArgumentException("publisher URL '" + url + "' must be a ws:// or wss:// URL with a host");
            }
        }

        @Override
        public String toString() {
            return url == null ? "a WebSocket connection" : "WebSocket " + url;
        }
    }

    /**
     * HTTP POSTs of each message as the request body, over keep-alive connections with one request
     * in flight each; messages due while every connection is busy wait, timed from their intended
     * publish time all the same.
     *
     * @param url         {@code http://} or {@code https://} URL
     * @param connections keep-alive connections, &gt;= 1
     */
    record HttpPost(URI url, int connections) implements Publisher {
        public HttpPost {
            if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("publisher URL '" + url + "' must be an http:// or https:// URL with a host");
            }
            if (connections < 1) {
                throw new IllegalArgumentException("publisher connections (" + connections + ") must be >= 1");
            }
        }

        @Override
        public String toString() {
            return "HTTP POST " + url;
        }
    }
}
