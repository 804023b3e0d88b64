package io.waybill.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.waybill.eventing.outbox.EventBacklog;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that drive the whole server over real HTTP on a random port, against a real
 * PostgreSQL: the one named by SPRING_DATASOURCE_URL (as in CI), else the embedded one. Every test
 * makes its own accounts with unique emails, so tests share one server and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waybill.jwt.secret=" + ApiTest.JWT_SECRET,
        "waybill.admin.email=" + ApiTest.ADMIN_EMAIL,
        "waybill.admin.password=" + ApiTest.ADMIN_PASSWORD,
        "waybill.platform-operator.email=" + ApiTest.PLATFORM_OPERATOR_EMAIL,
        "waybill.platform-operator.password=" + ApiTest.ADMIN_PASSWORD,
        "waybill.data-dir=target/test-data",
        // Webhooks in tests point at receivers on this machine; never at an outside address.
        "waybill.webhooks.allow-private-addresses=true",
        // The shared admin and the matrix's customer register far more webhooks than an account may keep;
        // WebhookRefusalApiIT pins the real cap.
        "waybill.webhooks.max-per-owner=100000",
        // The tests play the trusted proxy (127.0.0.1): X-Forwarded-For gives a test its own client address.
        "server.forward-headers-strategy=native",
        "spring.mail.host=127.0.0.1",
        "waybill.mail.poll-interval=PT1S",
        "waybill.cors.allowed-origins=" + ApiTest.ALLOWED_ORIGIN,
        // Failed logins keep their real sizes; the per-address limits are generous, since every test
        // calls from 127.0.0.1, and so are bookings (the matrix books a hundred for one customer).
        // ThrottlingApiIT, RedisRateLimitApiIT and BookingLimitApiIT pin the limits themselves.
        "waybill.rate-limits.login-address.capacity=20",
        "waybill.rate-limits.tracking.capacity=100000",
        "waybill.rate-limits.registration.capacity=100000",
        "waybill.rate-limits.mail-request.capacity=100000",
        "waybill.rate-limits.booking.capacity=100000",
        "waybill.rate-limits.redis-key-prefix=waybill-test:${random.uuid}:",
        // Every test streams from 127.0.0.1; LiveStreamLimitsApiIT pins the caps on live streams.
        "waybill.live.max-streams-per-address=1000",
        "waybill.live.max-streams-per-account=1000",
        "logging.level.com.icegreen=WARN"})
public abstract class ApiTest {

    public static final String JWT_SECRET = "test-only-signing-secret-of-at-least-32-bytes";
    public static final String ALLOWED_ORIGIN = "https://app.waybill.test";

    /** The SMTP port is known only once GreenMail has started. */
    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", Mailbox::port);
    }

    public static final String ADMIN_EMAIL = "admin@waybill.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "correct-horse-battery";
    public static final String PLATFORM_OPERATOR_EMAIL = "operator@waybill.test";

    @LocalServerPort
    private int port;

    @Autowired
    private EventBacklog backlog;

    @Autowired
    private DataSource dataSource;

    protected Api api;

    protected int port() {
        return port;
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** An account as a test uses it. */
    public record Account(UUID id, String email, String token, String refreshToken) {
    }

    /**
     * The default tenant's rows, where admin(), customer() and the other accounts made without a
     * slug live: this thread binds no tenant, and the application's connections fail closed without one.
     */
    protected JdbcClient database() {
        return TenantDatabase.ofDefaultTenant(dataSource);
    }

    /** Waits until every committed change has reached every consumer. */
    protected void awaitEvents() {
        Eventually.eventually(() -> assertThat(backlog.pending()).isZero());
    }

    protected Account admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** The platform operator the configuration makes (it opens tenants). */
    protected Account platformOperator() {
        return login(PLATFORM_OPERATOR_EMAIL, ADMIN_PASSWORD);
    }

    /**
     * A new tenant, opened by the platform operator, and its first admin signed in: the admin's
     * {@code email} and tokens, the tenant's slug in {@code slug}.
     */
    protected TenantAdmin newTenant() {
        return newTenant("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** As {@link #newTenant()}, with this slug (a test's configuration may name it before the tenant exists). */
    protected TenantAdmin newTenant(String slug) {
        String email = Api.uniqueEmail("tenant-admin");
        Api.Response opened = api.post("/platform/tenants", platformOperator().token(), Map.of("slug", slug,
                "display_name", "Company " + slug, "admin_email", email, "admin_password", PASSWORD));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return new TenantAdmin(UUID.fromString(opened.text("id")), slug, loginTo(slug, email, PASSWORD));
    }

    /** A tenant other than the default one, and its first admin. */
    public record TenantAdmin(UUID tenantId, String slug, Account admin) {
    }

    /** Signs in to the tenant of this slug. */
    protected Account loginTo(String slug, String email, String password) {
        Api.Response response = api.post("/auth/login", null, Map.of("tenant", slug, "email", email,
                "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Account(UUID.fromString(response.text("user_id")), email, response.text("access_token"),
                response.text("refresh_token"));
    }

    /** Registers an account of this role in the tenant of this slug (staff by that tenant's admin) and signs it in. */
    protected Account registerIn(String slug, String role, String adminToken) {
        String email = Api.uniqueEmail(role);
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD, "tenant", slug,
                "full_name", "Test " + role));
        if (!"customer".equals(role)) {
            body.put("role", role);
        }
        Api.Response registered = api.post("/auth/register", adminToken, body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return loginTo(slug, email, PASSWORD);
    }

    protected Account customer() {
        return register("customer", null);
    }

    protected Account agent() {
        return register("agent", admin().token());
    }

    /** Creates an API key for this agent, as an admin, and returns its value. */
    protected String apiKey(Account agent) {
        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "integration " + agent.email()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("key");
    }

    protected Account register(String role, String adminToken) {
        String email = Api.uniqueEmail(role);
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD,
                "full_name", "Test " + role));
        if (!"customer".equals(role)) {
            body.put("role", role);
        }
        Api.Response registered = api.post("/auth/register", adminToken, body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return login(email, PASSWORD);
    }

    protected Account login(String email, String password) {
        Api.Response response = api.post("/auth/login", null, Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Account(UUID.fromString(response.text("user_id")), email, response.text("access_token"),
                response.text("refresh_token"));
    }

    /** A hub in a city of its own; answers its id once the shipments module's copy knows it. */
    protected String hub(String city) {
        Api.Response hub = api.post("/admin/hubs", admin().token(), Map.of("hub_name", "Hub of " + city, "city", city));
        assertThat(hub.status()).as(hub.toString()).isEqualTo(201);
        awaitEvents();
        return hub.text("id");
    }

    protected static String city(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A shipment booked from this city, once routed to its hub. */
    protected String routedShipment(Account customer, String city) {
        Api.Response booked = api.post("/shipments", customer.token(),
                Map.of("source_address", city, "destination_address", "Bangalore"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        Eventually.eventually(() -> assertThat(api.get("/shipments/" + id, customer.token()).text("hub_id"))
                .isNotNull());
        return id;
    }

    protected Api.Response openBag(String admin, String origin, String destination) {
        return api.post("/bags", admin, Map.of("origin_hub_id", origin, "destination_hub_id", destination));
    }

    /** A bag from origin to destination with these shipments, sealed, assigned to the agent and dispatched. */
    protected String dispatchedBag(String admin, String origin, String destination, List<String> shipments,
            Account agent) {
        Api.Response opened = openBag(admin, origin, destination);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String code = opened.text("code");
        assertThat(api.post("/bags/" + code + "/shipments", admin, Map.of("shipment_ids", shipments)).status())
                .isEqualTo(200);
        assertThat(api.post("/bags/" + code + "/seal", admin, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/bags/" + code + "/assign", admin, Map.of("agent_id", agent.id().toString())).status())
                .isEqualTo(200);
        assertThat(api.post("/bags/" + code + "/scans", agent.token(), Map.of("event", "dispatched")).status())
                .isEqualTo(201);
        return code;
    }

    /** Books a shipment from Chennai to Bangalore as this customer and returns the response. */
    /** The tenant an access token says its account belongs to (its {@code tid} claim). */
    protected static String tenantClaim(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(payload).get("tid").asString();
    }

    protected Api.Response book(Account customer) {
        Api.Response response = api.post("/shipments", customer.token(),
                Map.of("source_address", "Chennai", "destination_address", "Bangalore"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    protected Api.Response assign(String shipmentId, Account agent) {
        Api.Response response = api.put("/shipments/" + shipmentId + "/assign-agent", admin().token(),
                Map.of("agent_id", agent.id().toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /**
     * Moves a shipment on as its agent does: {@code delivered} with a signature (POST
     * /shipments/{id}/proof-of-delivery), {@code delivery_failed} with the reason recipient_absent,
     * anything else with PUT /shipments/{id}/status. Answers the response, unchecked.
     */
    protected Api.Response move(String shipmentId, Account agent, String status, String location) {
        return switch (status) {
            case "delivered" -> api.post("/shipments/" + shipmentId + "/proof-of-delivery", agent.token(),
                    Proofs.signature(location));
            case "delivery_failed" -> api.put("/shipments/" + shipmentId + "/status", agent.token(),
                    Map.of("status", status, "location", location, "reason", "recipient_absent"));
            default -> api.put("/shipments/" + shipmentId + "/status", agent.token(),
                    Map.of("status", status, "location", location));
        };
    }

    /** Delivers a shipment that is out for delivery, with a signature received by Ravi Kumar, as this agent. */
    protected Api.Response deliver(String shipmentId, Account agent, String location) {
        Api.Response response = api.post("/shipments/" + shipmentId + "/proof-of-delivery", agent.token(),
                Proofs.signature(location));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    protected static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().hasNonNull("title")).isTrue();
        assertThat(response.body().hasNonNull("type")).isTrue();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
