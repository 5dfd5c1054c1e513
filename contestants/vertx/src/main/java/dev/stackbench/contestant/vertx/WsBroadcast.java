package dev.stackbench.contestant.vertx;

import java.util.HashSet;
import java.util.Set;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

/**
 * GET /ws (docs/api.md spec v2, realtime) for one verticle instance: every text message received on
 * any instance's /ws connection is published on the event bus, and every instance writes it,
 * unchanged, to each of its own open connections, the sender included. The set of connections
 * belongs to the instance and is touched only on its event loop; the event bus carries a message
 * across the instances (event loops) of the JVM. Pings and the close handshake are Vert.x's own.
 */
final class WsBroadcast implements Handler<ServerWebSocket> {
    static final String ADDRESS = "stackbench.realtime";
    static final String PATH = "/ws";

    private final Vertx vertx;
    private final Set<ServerWebSocket> open = new HashSet<>();

    WsBroadcast(Vertx vertx) {
        this.vertx = vertx;
        // local: one JVM, no cluster manager
        vertx.eventBus().<String>localConsumer(ADDRESS, message -> {
            for (ServerWebSocket ws : open) {
                ws.writeTextMessage(message.body());
            }
        });
    }

    @Override
    public void handle(ServerWebSocket ws) {
        if (!PATH.equals(ws.path())) {
            ws.reject(404);
            return;
        }
        open.add(ws);
        ws.closeHandler(v -> open.remove(ws));
        ws.exceptionHandler(e -> open.remove(ws));
        // spec v2 forwards text messages only; binary ones are ignored
        ws.textMessageHandler(text -> vertx.eventBus().publish(ADDRESS, text));
        ws.binaryMessageHandler(bytes -> { });
    }
}
