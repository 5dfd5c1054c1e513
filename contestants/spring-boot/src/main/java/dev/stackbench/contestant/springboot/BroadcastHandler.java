package dev.stackbench.contestant.springboot;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * GET /ws (docs/api.md spec v2, realtime): every text message received on any /ws session is sent,
 * unchanged, to every open session, the sender included. One JVM, so one set of sessions. Pings
 * and the close handshake are Tomcat's WebSocket implementation's own.
 */
class BroadcastHandler extends TextWebSocketHandler {
    /** Per-session bound of one send (ms) and of the messages buffered for a slow session (bytes). */
    static final int SEND_TIME_LIMIT_MS = 10_000;
    static final int BUFFER_SIZE_LIMIT = 512 * 1024;

    private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // A session may be sent to by several Tomcat threads at once; the decorator serialises
        // the sends and buffers while one is in progress, as Spring's docs advise.
        open.add(new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_SIZE_LIMIT));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        for (WebSocketSession s : open) {
            try {
                s.sendMessage(message);
            } catch (IOException | RuntimeException e) {
                // closed meanwhile, or over its limits (the decorator closes it): it leaves the set
                open.remove(s);
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        open.removeIf(s -> s.getId().equals(session.getId()));
    }
}
