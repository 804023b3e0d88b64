package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security headers, CORS, body size, mass assignment and the audit log. */
class HardeningApiIT extends ApiTest {

    @Test
    void shouldSendSecurityHeadersOnEveryAnswer() {
        for (Api.Response response : List.of(api.get("/auth/me", customer().token()), api.get("/auth/me", null),
                api.get("/track/TRK00000000000", null))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
        }
    }

    @Test
    void shouldSendHstsWhenTheRequestCameOverTls() {
        Api.Response response = api.send("GET", "/track/TRK00000000000", null, null, null,
                Map.of("X-Forwarded-Proto", "https"));

        assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
    }

    @Test
    void shouldLetSwaggerUiRunUnderItsOwnStrictPolicy() {
        Api.Response page = api.get("/swagger-ui/index.html", null);

        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("'unsafe-eval'").contains("frame-ancestors 'none'");
        assertThat(policy.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline");
        // The page itself has no inline script, which script-src 'self' would block.
        assertThat(page.raw()).doesNotContainPattern("<script>[^<]");
        assertThat(api.get("/swagger-ui/swagger-initializer.js", null).status()).isEqualTo(200);
    }

    @Test
    void shouldAllowCrossOriginCallsOnlyFromTheConfiguredOrigins() {
        Map<String, String> preflight = new HashMap<>(Map.of("Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"));
        Api.Response allowed = api.send("OPTIONS", "/shipments", null, null, null, preflight);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);

        preflight.put("Origin", "https://evil.example");
        Api.Response foreign = api.send("OPTIONS", "/shipments", null, null, null, preflight);
        assertProblem(foreign, 403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

        Api.Response simple = api.send("GET", "/track/TRK00000000000", null, null, null,
                Map.of("Origin", ALLOWED_ORIGIN));
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(simple.header("Access-Control-Expose-Headers")).contains("Retry-After");
    }

    @Test
    void shouldRefuseABodyOverOneMegabyte() {
        String large = "{\"description\":\"" + "x".repeat(1024 * 1024) + "\"}";
        Account customer = customer();

        assertProblem(api.send("POST", "/shipments", customer.token(), "application/json", large), 413);
        assertProblem(api.send("POST", "/auth/register", null, "application/json", large), 413);
    }

    @Test
    void shouldRefuseAChunkedBodyOverOneMegabyte() throws Exception {
        Account customer = customer();
        byte[] large = ("{\"source_address\":\"" + "x".repeat(1100 * 1024) + "\"}").getBytes();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port() + "/shipments"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + customer.token())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)))
                .build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void shouldIgnoreFieldsAClientMayNotSet() {
        String email = Api.uniqueEmail("mass");
        Map<String, Object> registration = new HashMap<>(Map.of("email", email, "password", PASSWORD,
                "id", "00000000-0000-0000-0000-000000000001", "email_verified", true, "created_at", "2000-01-01T00:00:00Z",
                "password_hash", "{noop}x", "deleted_at", "2000-01-01T00:00:00Z"));
        Api.Response registered = api.post("/auth/register", null, registration);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("id")).isNotEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(registered.body().get("email_verified").asBoolean()).isFalse();
        assertThat(registered.text("created_at")).doesNotStartWith("2000");
        assertThat(registered.text("role")).isEqualTo("customer");
        Account customer = login(email, PASSWORD);

        Map<String, Object> booking = new HashMap<>(Map.of("source_address", "Chennai", "destination_address", "Bangalore",
                "status", "delivered", "tracking_number", "TRK00000000000", "agent_id", customer.id().toString(),
                "id", "00000000-0000-0000-0000-000000000002", "hub_id", "00000000-0000-0000-0000-000000000003"));
        Api.Response booked = api.post("/shipments", customer.token(), booking);
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.text("status")).isEqualTo("created");
        assertThat(booked.text("tracking_number")).isNotEqualTo("TRK00000000000");
        assertThat(booked.text("id")).isNotEqualTo("00000000-0000-0000-0000-000000000002");
        assertThat(booked.text("agent_id")).isNull();
        assertThat(booked.text("customer_id")).isEqualTo(customer.id().toString());

        Api.Response edited = api.put("/shipments/" + booked.text("id"), customer.token(), Map.of(
                "description", "books", "status", "delivered", "customer_id", customer().id().toString(),
                "tracking_number", "TRK00000000000", "agent_id", customer.id().toString()));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("status")).isEqualTo("created");
        assertThat(edited.text("customer_id")).isEqualTo(customer.id().toString());
        assertThat(edited.text("tracking_number")).isEqualTo(booked.text("tracking_number"));
        assertThat(edited.text("agent_id")).isNull();
        assertThat(edited.text("description")).isEqualTo("books");
    }

    @Test
    void shouldAuditEveryAdminActionAndEveryRefusal() {
        Account customer = customer();
        Account admin = admin();
        String agentAddress = "198.19.7." + (1 + new java.util.Random().nextInt(250));

        api.send("GET", "/admin/users", customer.token(), null, null, Map.of("X-Forwarded-For", agentAddress));
        api.get("/auth/me", "not.a.token");
        Api.Response hub = api.post("/admin/hubs", admin.token(), Map.of("hub_name",
                "Audit hub " + customer.id(), "city", "Audittown"));
        String shipment = book(customer).text("id");
        assertProblem(api.delete("/shipments/" + shipment, agent().token()), 404);
        Account agent = agent();
        assign(shipment, agent);
        assertProblem(api.put("/shipments/" + shipment, agent.token(), Map.of("description", "x")), 403);

        List<Map<String, Object>> byCustomer = events("actor_id = ?", customer.id());
        assertThat(byCustomer).anySatisfy(event -> {
            assertThat(event).containsEntry("kind", "refusal").containsEntry("status", 403)
                    .containsEntry("method", "GET").containsEntry("path", "/admin/users")
                    .containsEntry("actor_role", "customer").containsEntry("client_address", agentAddress)
                    .containsEntry("credential", "bearer");
            assertThat(event.get("occurred_at")).isNotNull();
        });
        assertThat(events("actor_id = ?", admin.id())).anySatisfy(event -> assertThat(event)
                .containsEntry("kind", "admin_action").containsEntry("method", "POST")
                .containsEntry("path", "/admin/hubs").containsEntry("status", 201));
        assertThat(events("actor_id = ? and path = ?", admin.id(), "/shipments/" + shipment + "/assign-agent"))
                .hasSize(1);
        assertThat(events("actor_id = ? and path = ?", agent.id(), "/shipments/" + shipment))
                .singleElement().satisfies(event -> assertThat(event).containsEntry("status", 403)
                        .containsEntry("method", "PUT"));
        assertThat(hub.status()).isEqualTo(201);
    }

    private List<Map<String, Object>> events(String where, Object... params) {
        return database().sql("select kind, actor_id, actor_role, credential, method, path, status, client_address, "
                        + "occurred_at from audit.events where " + where)
                .params(params).query().listOfRows();
    }
}
