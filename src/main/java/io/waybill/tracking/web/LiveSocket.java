package io.waybill.tracking.web;

import io.waybill.platform.Caller;
import io.waybill.platform.CallerTokens;
import io.waybill.platform.NotFoundException;
import io.waybill.tracking.LiveClient;
import io.waybill.tracking.LiveUpdates;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /ws/shipments}: a plain WebSocket with JSON messages. The caller authenticates with
 * {@code ?access_token=} or with a first message {@code {"type":"auth","token":"..."}} (within 10 s)
 * and then receives every shipment it may see; {@code ?tracking_number=} follows one shipment
 * publicly. The handshake is checked here, not by the HTTP filter chain, which lets it through.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveSocket extends TextWebSocketHandler implements WebSocketConfigurer, HandshakeInterceptor, DisposableBean {

    private static final String SUBSCRIPTION = "subscription";
    private static final Duration AUTH_WINDOW = Duration.ofSeconds(10);

    private final LiveUpdates live;
    private final CallerTokens tokens;
    private final JsonMapper json;
    private final List<String> allowedOrigins;
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-socket-auth");
        thread.setDaemon(true);
        return thread;
    });

    LiveSocket(LiveUpdates live, CallerTokens tokens, JsonMapper json,
            @Value("${waybill.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.live = live;
        this.tokens = tokens;
        this.json = json;
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, "/ws/shipments").addInterceptors(this)
                .setAllowedOrigins(allowedOrigins.toArray(String[]::new));
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(request.getURI()).build(true)
                .getQueryParams();
        String token = query.getFirst("access_token");
        String trackingNumber = query.getFirst("tracking_number");
        try {
            if (token != null) {
                Caller caller = tokens.callerOf(token).orElse(null);
                if (caller == null) {
                    response.setStatusCode(HttpStatus.UNAUTHORIZED);
                    return false;
                }
                attributes.put(SUBSCRIPTION, live.everythingVisibleTo(caller));
            } else if (trackingNumber != null) {
                attributes.put(SUBSCRIPTION, live.publicShipment(trackingNumber));
            }
        } catch (NotFoundException unknown) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (session.getAttributes().get(SUBSCRIPTION) instanceof LiveUpdates.Subscription subscription) {
            subscribe(session, subscription);
        } else {
            timeouts.schedule(() -> {
                if (!session.getAttributes().containsKey(SocketClient.class.getName()) && session.isOpen()) {
                    close(session, CloseStatus.POLICY_VIOLATION.withReason("authentication required"));
                }
            }, AUTH_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        if (session.getAttributes().containsKey(SocketClient.class.getName())) {
            return;
        }
        JsonNode auth;
        try {
            auth = json.readTree(message.getPayload());
        } catch (RuntimeException malformed) {
            close(session, CloseStatus.BAD_DATA.withReason("expected {\"type\":\"auth\",\"token\":...}"));
            return;
        }
        Caller caller = "auth".equals(auth.path("type").asString(""))
                ? tokens.callerOf(auth.path("token").asString("")).orElse(null) : null;
        if (caller == null) {
            close(session, CloseStatus.POLICY_VIOLATION.withReason("invalid or expired token"));
            return;
        }
        try {
            subscribe(session, live.everythingVisibleTo(caller));
        } catch (Exception failed) {
            close(session, CloseStatus.SERVER_ERROR);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(SocketClient.class.getName()) instanceof SocketClient client) {
            live.disconnect(client);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }

    private void subscribe(WebSocketSession session, LiveUpdates.Subscription subscription) throws Exception {
        SocketClient client = new SocketClient(session, json, subscription.oneShipment() ? "shipment" : "account");
        session.getAttributes().put(SocketClient.class.getName(), client);
        live.connect(client, subscription);
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException alreadyGone) {
            // nothing left to close
        }
    }

    @Override
    public void destroy() {
        timeouts.shutdownNow();
    }

    /** Writes are serialised: a session accepts one message at a time. */
    private static final class SocketClient extends LiveClient {

        private final WebSocketSession session;
        private final JsonMapper json;

        private final String scope;

        SocketClient(WebSocketSession session, JsonMapper json, String scope) {
            this.session = session;
            this.json = json;
            this.scope = scope;
        }

        /** Tells the client from when on it receives what happens. */
        @Override
        protected void opened() throws IOException {
            send(Map.of("type", "subscribed", "scope", scope));
        }

        @Override
        protected synchronized void send(Map<String, Object> message) throws IOException {
            session.sendMessage(new TextMessage(json.writeValueAsString(message)));
        }

        @Override
        protected synchronized void heartbeat() throws IOException {
            session.sendMessage(new PingMessage());
        }

        @Override
        protected void complete() {
            close(session, CloseStatus.NORMAL.withReason("the shipment reached a final status"));
        }

        @Override
        protected void disconnect(String reason) {
            close(session, CloseStatus.POLICY_VIOLATION.withReason(reason.length() > 100 ? reason.substring(0, 100)
                    : reason));
        }
    }
}
