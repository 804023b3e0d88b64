package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The bounds on live streams, with small sizes: a stream ends when its access token expires and
 * after its maximum lifetime; streams are capped per address and per account; a public WebSocket
 * handshake counts against the tracking rate limit, so it stops answering 101/404 once spent. Each
 * test poses as its own client address (the tests are the trusted proxy).
 */
@TestPropertySource(properties = {
        "waybill.jwt.access-token-ttl=PT3S",
        "waybill.live.max-lifetime=PT5S",
        "waybill.live.heartbeat=PT1S",
        "waybill.live.max-streams-per-address=3",
        "waybill.live.max-streams-per-account=2",
        "waybill.rate-limits.tracking.capacity=6",
        "waybill.rate-limits.tracking.period=PT1H"})
class LiveStreamLimitsApiIT extends ApiTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    /** A client address of its own, so the per-address counts of one test do not touch another. */
    private static Map<String, String> from() {
        return Map.of("X-Forwarded-For", "203.0.113." + ADDRESSES.incrementAndGet());
    }

    @Test
    void shouldCloseASocketAndAStreamWhenTheirAccessTokenExpires() {
        Account customer = customer();
        String id = book(customer).text("id");
        Map<String, String> address = from();
        try (LiveClients.Socket socket = LiveClients.socket(port(), "?access_token=" + customer.token(), address);
                LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                        customer.token(), address)) {
            assertThat(stream.status).isEqualTo(200);
            String closed = socket.closed.orTimeout(8, TimeUnit.SECONDS).join();
            assertThat(closed).startsWith("1008").contains("access token expired");
            stream.ended.orTimeout(8, TimeUnit.SECONDS).join();
            assertThat(stream.lastEvent().get("type").asString()).isEqualTo("stream.closed");
            assertThat(stream.lastEvent().get("reason").asString()).contains("access token expired");
        }
    }

    @Test
    void shouldEndAStreamWithoutTokenAfterItsMaximumLifetime() {
        Account customer = customer();
        String number = book(customer).text("tracking_number");
        Map<String, String> address = from();
        long started = System.nanoTime();
        try (LiveClients.Socket socket = LiveClients.socket(port(), "?tracking_number=" + number, address)
                .awaitSubscribed();
                LiveClients.Stream stream = LiveClients.stream(port(), "/track/" + number + "/events", null, address)) {
            assertThat(socket.closed.orTimeout(10, TimeUnit.SECONDS).join()).contains("maximum stream lifetime");
            stream.ended.orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(stream.lastEvent().get("reason").asString()).contains("maximum stream lifetime");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void shouldRefuseStreamsBeyondTheCapOfAnAddress() {
        Account customer = customer();
        String number = book(customer).text("tracking_number");
        Map<String, String> address = from();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            open.add(LiveClients.socket(port(), "?tracking_number=" + number, address).awaitSubscribed());
            open.add(LiveClients.socket(port(), "?tracking_number=" + number, address).awaitSubscribed());
            LiveClients.Stream third = LiveClients.stream(port(), "/track/" + number + "/events", null, address);
            open.add(third);
            assertThat(third.status).isEqualTo(200);

            assertThat(LiveClients.handshake(port(), "?tracking_number=" + number, address)).isEqualTo(429);
            LiveClients.Stream refused = LiveClients.stream(port(), "/track/" + number + "/events", null, address);
            open.add(refused);
            assertThat(refused.status).isEqualTo(429);
            assertThat(LiveClients.handshake(port(), "?tracking_number=" + number, from()))
                    .as("another address still has room").isEqualTo(101);
        } finally {
            open.forEach(LiveStreamLimitsApiIT::closeQuietly);
        }
    }

    @Test
    void shouldRefuseStreamsBeyondTheCapOfAnAccount() {
        Account customer = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);
        // An API key does not expire, so the streams stay open while the test counts them.
        String key = apiKey(agent);
        Map<String, String> headers = Map.of("X-API-Key", key);
        List<AutoCloseable> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events", null,
                        merged(headers, from()));
                open.add(stream);
                assertThat(stream.status).isEqualTo(200);
            }
            // Read as a stream: were it accepted, it would never end.
            LiveClients.Stream refused = LiveClients.stream(port(), "/shipments/" + id + "/events", null,
                    merged(headers, from()));
            open.add(refused);
            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.contentType).startsWith("application/problem+json");
            assertThat(refused.refusal).contains("live streams open for this account");
        } finally {
            open.forEach(LiveStreamLimitsApiIT::closeQuietly);
        }
    }

    @Test
    void shouldCountPublicSocketHandshakesAgainstTheTrackingLimit() {
        Account customer = customer();
        String number = book(customer).text("tracking_number");
        Map<String, String> address = from();
        for (int i = 0; i < 6; i++) {
            assertThat(LiveClients.handshake(port(), "?tracking_number=TRK00000000000", address)).isEqualTo(404);
        }
        assertThat(LiveClients.handshake(port(), "?tracking_number=TRK00000000000", address)).isEqualTo(429);
        assertThat(LiveClients.handshake(port(), "?tracking_number=" + number, address))
                .as("a known number answers the same once the budget is spent").isEqualTo(429);
        assertProblem(api.send("GET", "/track/" + number, null, null, null, address), 429);
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
