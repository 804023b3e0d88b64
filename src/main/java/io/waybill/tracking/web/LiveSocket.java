package io.waybill.tracking.web;

import io.waybill.kernel.Caller;
import io.waybill.security.CallerTokens;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PlatformProperties;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import io.waybill.kernel.TooManyRequestsException;
import io.waybill.tracking.LiveClient;
import io.waybill.tracking.LiveUpdates;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
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
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /ws/shipments}: a plain WebSocket with JSON messages. The caller authenticates with
 * {@code ?access_token=} or with a first message {@code {"type":"auth","token":"..."}} (within 10 s)
 * and then receives every shipment it may see; {@code ?tracking_number=} follows one shipment
 * publicly. The handshake is checked here, not by the HTTP filter chain, which lets it through:
 * a public handshake counts against the tracking rate limit like {@code /track/}, and every
 * handshake against the caps on live streams (429 when refused).
 * <p>
 * The access token in the query string must never reach a log: the upgraded connection only
 * ever sees the URI with the token masked (Spring names the session by its URI in its own log
 * lines), and no failure leaves this handler, so Spring has nothing to log at ERROR.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveSocket extends TextWebSocketHandler implements WebSocketConfigurer, HandshakeInterceptor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);
    private static final String SUBSCRIPTION = "subscription";
    private static final String ADDRESS = "address";
    private static final Duration AUTH_WINDOW = Duration.ofSeconds(10);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("(^|&)(access_token=)[^&]*");

    private final LiveUpdates live;
    private final CallerTokens tokens;
    private final Throttle throttle;
    private final JsonMapper json;
    private final List<String> allowedOrigins;
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-socket-auth");
        thread.setDaemon(true);
        return thread;
    });

    LiveSocket(LiveUpdates live, CallerTokens tokens, Throttle throttle, JsonMapper json,
            PlatformProperties platform) {
        this.live = live;
        this.tokens = tokens;
        this.throttle = throttle;
        this.json = json;
        this.allowedOrigins = platform.cors().allowedOrigins();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, "/ws/shipments").addInterceptors(this)
                .setHandshakeHandler(new TokenMaskingHandshakeHandler())
                .setAllowedOrigins(allowedOrigins.toArray(String[]::new));
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(request.getURI()).build(true)
                .getQueryParams();
        String token = query.getFirst("access_token");
        String trackingNumber = query.getFirst("tracking_number");
        String address = addressOf(request);
        attributes.put(ADDRESS, address);
        try {
            if (token != null) {
                CallerTokens.Verified verified = tokens.verify(token).orElse(null);
                if (verified == null) {
                    refuse(response, HttpStatus.UNAUTHORIZED, "The access token is invalid or expired.", null);
                    return false;
                }
                live.requireRoom(address, verified.caller().userId());
                attributes.put(SUBSCRIPTION, live.everythingVisibleTo(verified.caller()).heldBy(verified));
            } else if (trackingNumber != null) {
                // Counted before the number is even looked at: once the budget is spent, every answer is
                // the same 429, known number or not.
                Throttle.Quota quota = throttle.take(RateLimit.TRACKING, address);
                if (!quota.taken()) {
                    throw quota.refusal("Too many tracking requests from this address.");
                }
                live.requireRoom(address, null);
                attributes.put(SUBSCRIPTION, live.publicShipment(trackingNumber));
            } else {
                live.requireRoom(address, null);
            }
        } catch (TooManyRequestsException tooMany) {
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, tooMany.getMessage(), tooMany);
            return false;
        } catch (NotFoundException unknown) {
            refuse(response, HttpStatus.NOT_FOUND, "No shipment with this tracking number.", null);
            return false;
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
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
        CallerTokens.Verified verified = "auth".equals(auth.path("type").asString(""))
                ? tokens.verify(auth.path("token").asString("")).orElse(null) : null;
        if (verified == null) {
            close(session, CloseStatus.POLICY_VIOLATION.withReason("invalid or expired token"));
            return;
        }
        Caller caller = verified.caller();
        subscribe(session, live.everythingVisibleTo(caller).heldBy(verified));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(SocketClient.class.getName()) instanceof SocketClient client) {
            live.disconnect(client);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Live socket {} failed: {}", session.getId(), exception.getClass().getSimpleName());
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }

    /** Never throws: a client that drops while subscribing is nothing to report. */
    private void subscribe(WebSocketSession session, LiveUpdates.Subscription subscription) {
        SocketClient client = new SocketClient(session, json, subscription.oneShipment() ? "shipment" : "account");
        session.getAttributes().put(SocketClient.class.getName(), client);
        try {
            live.connect(client, subscription, String.valueOf(session.getAttributes().get(ADDRESS)));
        } catch (TooManyRequestsException tooMany) {
            close(session, CloseStatus.POLICY_VIOLATION.withReason(reasonOf(tooMany.getMessage())));
        } catch (Exception gone) {
            log.debug("Live socket {} went away while subscribing: {}", session.getId(),
                    gone.getClass().getSimpleName());
            close(session, CloseStatus.GOING_AWAY);
        }
    }

    private static String addressOf(ServerHttpRequest request) {
        // The servlet's remote address is the one the rate limits use (a trusted proxy's forwarded one).
        if (request instanceof ServletServerHttpRequest servlet) {
            return servlet.getServletRequest().getRemoteAddr();
        }
        return request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getHostString();
    }

    /** A problem body on a refused handshake, like every other refusal. */
    private void refuse(ServerHttpResponse response, HttpStatus status, String detail, TooManyRequestsException limit) {
        response.setStatusCode(status);
        response.getHeaders().set("Content-Type", "application/problem+json");
        if (limit != null) {
            response.getHeaders().set("Retry-After", Long.toString(limit.retryAfterSeconds()));
            response.getHeaders().set("X-RateLimit-Limit", Long.toString(limit.limit()));
            response.getHeaders().set("X-RateLimit-Remaining", "0");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", "/ws/shipments");
        try {
            response.getBody().write(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        } catch (IOException gone) {
            log.debug("Could not write a refused handshake's body: {}", gone.getClass().getSimpleName());
        }
    }

    private static String reasonOf(String text) {
        // A close reason holds at most 123 bytes.
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException alreadyGone) {
            // nothing left to close
        }
    }

    @Override
    public void destroy() {
        timeouts.shutdownNow();
    }

    /**
     * Upgrades with a request whose query string has the access token masked, so that the
     * WebSocket session (and every log line that names it) never carries the token. The
     * interceptors ran before, on the real request.
     */
    private static final class TokenMaskingHandshakeHandler implements HandshakeHandler, Lifecycle,
            ServletContextAware {

        private final DefaultHandshakeHandler upgrade = new DefaultHandshakeHandler();

        @Override
        public boolean doHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                Map<String, Object> attributes) throws HandshakeFailureException {
            if (request instanceof ServletServerHttpRequest servlet
                    && servlet.getServletRequest().getQueryString() != null
                    && servlet.getServletRequest().getQueryString().contains("access_token=")) {
                request = new ServletServerHttpRequest(new MaskedQuery(servlet.getServletRequest()));
            }
            return upgrade.doHandshake(request, response, handler, attributes);
        }

        @Override
        public void setServletContext(ServletContext servletContext) {
            upgrade.setServletContext(servletContext);
        }

        @Override
        public void start() {
            upgrade.start();
        }

        @Override
        public void stop() {
            upgrade.stop();
        }

        @Override
        public boolean isRunning() {
            return upgrade.isRunning();
        }
    }

    private static final class MaskedQuery extends HttpServletRequestWrapper {

        MaskedQuery(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            String query = super.getQueryString();
            return query == null ? null : ACCESS_TOKEN.matcher(query).replaceAll("$1$2***");
        }

        @Override
        public String getParameter(String name) {
            return "access_token".equals(name) ? "***" : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.computeIfPresent("access_token", (name, values) -> new String[] {"***"});
            return parameters;
        }

        @Override
        public String[] getParameterValues(String name) {
            return "access_token".equals(name) ? new String[] {"***"} : super.getParameterValues(name);
        }
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
            close(session, CloseStatus.POLICY_VIOLATION.withReason(reasonOf(reason)));
        }
    }
}
