package io.waybill.kernel;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.Mailbox;
import io.waybill.support.TcpProxy;
import io.waybill.support.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What operations see: readiness on the management port follows the database (through a relay the
 * test cuts), the business metrics in Prometheus's format there and not on the application port,
 * and a request id on every answer, problem body and log line of a request.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiIT extends ApiTest {

    /** A database beside the configured one, reached through the relay (no relay for the embedded one: skipped). */
    private static final boolean CONFIGURED = System.getenv("SPRING_DATASOURCE_URL") != null
            && !System.getenv("SPRING_DATASOURCE_URL").isBlank();
    private static final URI DATABASE_URL = URI.create((CONFIGURED
            ? IsolatedDatabase.properties("operations").get("spring.datasource.url")
            : "jdbc:postgresql://127.0.0.1:5432/none").substring("jdbc:".length()));
    private static final TcpProxy POSTGRES = new TcpProxy(DATABASE_URL.getHost(), DATABASE_URL.getPort());
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void operations(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.port()
                + DATABASE_URL.getPath());
        registry.add("management.server.port", () -> "0");
        registry.add("waybill.metrics.refresh", () -> "PT0.5S");
        registry.add("waybill.webhooks.poll-interval", () -> "PT0.2S");
        registry.add("waybill.notifications.poll-interval", () -> "PT0.2S");
    }

    @LocalManagementPort
    private int managementPort;

    @BeforeAll
    static void needsAConfiguredDatabase() {
        assumeTrue(CONFIGURED, "needs SPRING_DATASOURCE_URL: the relay stands in front of a PostgreSQL server");
    }

    @AfterEach
    void reconnect() {
        POSTGRES.restore();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void shouldTakeReadinessDownWithinFiveSecondsOfLosingTheDatabaseAndBackUpAfter() {
        Api management = new Api(managementPort);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness", null).raw()).contains("\"UP\"");
        assertThat(management.get("/actuator/health/readiness", null).raw()).contains("\"db\"");

        POSTGRES.cut();
        long cut = System.nanoTime();
        Api.Response readiness = pollUntil(management, 503, Duration.ofSeconds(15));
        long millis = (System.nanoTime() - cut) / 1_000_000;
        assertThat(readiness.status()).as("readiness after %d ms: %s", millis, readiness).isEqualTo(503);
        assertThat(readiness.raw()).contains("\"DOWN\"");
        assertThat(millis).as("readiness went DOWN %d ms after the database went away", millis).isLessThan(5_000);
        assertThat(management.get("/actuator/health/liveness", null).status())
                .as("the process itself is alive: no restart for a database outage").isEqualTo(200);

        POSTGRES.restore();
        Api.Response back = pollUntil(management, 200, Duration.ofSeconds(30));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.raw()).contains("\"UP\"");
    }

    @Test
    void shouldListTheBusinessMetricsOnTheManagementPort() {
        String path = "/metrics/" + UUID.randomUUID();
        Account customer = customer();
        // Email goes to verified addresses only.
        assertThat(api.post("/auth/verify-email", null, Map.of("token", Mailbox.tokenIn(customer.email(), 1))).status())
                .isEqualTo(204);
        assertThat(api.post("/webhooks", customer.token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.created"))).status()).isEqualTo(201);
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery", "delivered")) {
            Api.Response moved = move(id, agent, status, "Bangalore");
            assertThat(moved.status()).as(moved.toString()).isBetween(200, 201);
        }
        awaitEvents();
        eventually(Duration.ofSeconds(15), () -> assertThat(RECEIVER.at(path)).isNotEmpty());

        Api management = new Api(managementPort);
        eventually(Duration.ofSeconds(15), () -> {
            Api.Response scraped = management.get("/actuator/prometheus", null);
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.contentType()).startsWith("text/plain");
            assertThat(scraped.raw())
                    .containsPattern("(?m)^waybill_shipments_booked_total\\{.*\\} [1-9]")
                    .containsPattern("(?m)^waybill_shipments_status_changes_total\\{.*status=\"picked_up\".*\\} [1-9]")
                    .containsPattern("(?m)^waybill_shipments_status_changes_total\\{.*status=\"delivered\".*\\} [1-9]")
                    .containsPattern("(?m)^waybill_shipments_delivered_total\\{.*\\} [1-9]")
                    .containsPattern("(?m)^waybill_events_total\\{.*type=\"shipment.status.updated\".*\\} [1-9]")
                    .containsPattern("(?m)^waybill_outbox_lag_seconds\\{.*\\} [0-9]")
                    .containsPattern("(?m)^waybill_consumer_lag_events\\{.*group=\"[a-z-]+\".*\\} [0-9]")
                    .containsPattern("(?m)^waybill_webhook_deliveries_total\\{.*result=\"delivered\".*\\} [1-9]")
                    .containsPattern("(?m)^waybill_notifications_total\\{.*channel=\"email\".*result=\"sent\".*\\} [1-9]")
                    .containsPattern("(?m)^waybill_rate_limit_refusals_total\\{.*limit=\"login-account\".*\\} ")
                    .containsPattern("(?m)^waybill_live_connections\\{.*\\} [0-9]");
        });
    }

    @Test
    void shouldNotServeTheActuatorOnTheApplicationPort() {
        assertProblem(api.get("/actuator/prometheus", null), 401);
        assertProblem(api.get("/actuator/prometheus", admin().token()), 404);
        assertProblem(api.get("/actuator/health", admin().token()), 404);
    }

    @Test
    void shouldEchoASaneRequestIdAndPutItInTheProblemBody() {
        String id = "client-" + UUID.randomUUID();
        Api.Response unauthenticated = api.send("GET", "/shipments", null, null, null, Map.of("X-Request-Id", id));
        assertProblem(unauthenticated, 401);
        assertThat(unauthenticated.header("X-Request-Id")).isEqualTo(id);
        assertThat(unauthenticated.text("request_id")).isEqualTo(id);

        Api.Response forbidden = api.send("GET", "/admin/reports", customer().token(), null, null,
                Map.of("X-Request-Id", id + "-2"));
        assertProblem(forbidden, 403);
        assertThat(forbidden.text("request_id")).isEqualTo(id + "-2");

        String token = customer().token();
        Api.Response notFound = api.send("GET", "/no-such-route", token, null, null, Map.of("X-Request-Id", id + "-3"));
        assertProblem(notFound, 404);
        assertThat(notFound.header("X-Request-Id")).isEqualTo(id + "-3");
        assertThat(notFound.text("request_id")).isEqualTo(id + "-3");

        Api.Response notAllowed = api.send("PATCH", "/shipments", token, null, null, Map.of("X-Request-Id", id + "-4"));
        assertProblem(notAllowed, 405);
        assertThat(notAllowed.text("request_id")).isEqualTo(id + "-4");

        Api.Response invalid = api.post("/shipments", token, Map.of("source_address", ""));
        assertProblem(invalid, 422);
        assertThat(invalid.text("request_id")).isEqualTo(invalid.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void shouldMakeUpARequestIdWhenTheClientsIsNotASaneToken() {
        for (String given : List.of("a".repeat(65), "id with spaces", "line\u0085break", "<script>")) {
            Api.Response answered = api.send("GET", "/shipments", null, null, null, Map.of("X-Request-Id", given));
            assertThat(answered.header("X-Request-Id")).isNotEqualTo(given).matches("[0-9a-f-]{36}");
            assertThat(answered.text("request_id")).isEqualTo(answered.header("X-Request-Id"));
        }
        Api.Response none = api.get("/auth/me", null);
        assertThat(none.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(none.text("request_id")).isEqualTo(none.header("X-Request-Id"));
    }

    @Test
    void shouldCarryTheRequestIdInEveryLogLineOfTheRequest(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        String logger = "io.waybill.kernel.web.RequestIdFilter";
        logging.setLogLevel(logger, LogLevel.DEBUG);
        try {
            String id = "log-" + UUID.randomUUID();
            api.send("GET", "/shipments", null, null, null, Map.of("X-Request-Id", id));
            eventually(() -> assertThat(output.getOut().lines()
                    .filter(line -> line.contains("GET /shipments answered 401")).toList())
                    .anySatisfy(line -> assertThat(line).contains("[" + id + "]")));
        } finally {
            logging.setLogLevel(logger, null);
        }
    }

    private static Api.Response pollUntil(Api management, int status, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Api.Response last;
        do {
            last = management.get("/actuator/health/readiness", null);
            if (last.status() == status) {
                return last;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
