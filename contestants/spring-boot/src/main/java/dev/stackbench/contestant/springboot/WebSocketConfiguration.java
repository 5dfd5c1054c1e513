package dev.stackbench.contestant.springboot;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Spring's WebSocket support (spring-boot-starter-websocket): {@link BroadcastHandler} at /ws. */
@Configuration
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new BroadcastHandler(), "/ws");
    }
}
