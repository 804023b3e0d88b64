package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The admin pages over plain HTTP: who may open them, and their forms' CSRF tokens. */
class AdminPagesIT extends ApiTest {

    @Test
    void shouldSendTheSignedOutToSignInAndRefuseCustomersAndAgents() throws Exception {
        PageSession anonymous = new PageSession(port());
        HttpResponse<String> signedOut = anonymous.get("/admin");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/signin?continue=");

        PageSession customer = signedIn(customer().email(), PASSWORD);
        HttpResponse<String> refused = customer.get("/admin");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed").doesNotContain("today-delivered");
        assertThat(signedIn(agent().email(), PASSWORD).get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldLogARefusedPageWithTheSignedInAccountAndItsRole() throws Exception {
        Account customer = customer();
        Account agent = agent();
        assertThat(signedIn(customer.email(), PASSWORD).get("/admin").statusCode()).isEqualTo(403);
        assertThat(signedIn(agent.email(), PASSWORD).get("/admin/pages/audit").statusCode()).isEqualTo(403);
        assertRefusalLogged(customer, "customer", "/admin");
        assertRefusalLogged(agent, "agent", "/admin/pages/audit");
    }

    /** The one refusal logged for this account, as an admin reads it with GET /admin/audit. */
    private void assertRefusalLogged(Account refused, String role, String path) {
        String admin = admin().token();
        String entries = "/admin/audit?kind=refusal&actor_id=" + refused.id();
        io.waybill.support.Eventually.eventually(() ->
                assertThat(api.get(entries, admin).body().get("total").asLong()).isEqualTo(1));
        tools.jackson.databind.JsonNode entry = api.get(entries, admin).body().get("items").get(0);
        assertThat(entry.get("actor_id").asString()).isEqualTo(refused.id().toString());
        assertThat(entry.get("actor_role").asString()).isEqualTo(role);
        assertThat(entry.get("credential").asString()).isEqualTo("session");
        assertThat(entry.get("method").asString()).isEqualTo("GET");
        assertThat(entry.get("path").asString()).isEqualTo(path);
        assertThat(entry.get("status").asInt()).isEqualTo(403);
    }

    @Test
    void shouldShowAnAdminTheDashboardWithItsFiguresAndNoInlineScript() throws Exception {
        PageSession admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        HttpResponse<String> dashboard = admin.get("/admin");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"today-delivered\"", "data-trend=\"{", "/assets/admin-dashboard.js")
                .containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd.js")
                .doesNotContainPattern("<script>(?!</script>)");
        assertThat(admin.get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
        assertThat(admin.get("/portal").body()).contains("href=\"/admin\"");
        // The API's admin routes keep their own chain: no session, a bearer token, problem bodies.
        HttpResponse<String> api = admin.get("/admin/reports");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void shouldListTheAuditLogFilteredForAnAdmin() throws Exception {
        Account customer = customer();
        assertThat(api.get("/admin/reports", customer.token()).status()).isEqualTo(403);
        PageSession admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        io.waybill.support.Eventually.eventually(() -> {
            HttpResponse<String> log;
            try {
                log = admin.get("/admin/pages/audit?kind=refusal&actor_id=" + customer.id());
            } catch (IOException | InterruptedException failed) {
                throw new AssertionError(failed);
            }
            assertThat(log.statusCode()).isEqualTo(200);
            assertThat(log.body()).contains("Audit log", "1 entries", "GET /admin/reports", "403", "(customer)");
        });
        assertThat(admin.get("/admin/pages/audit?kind=admin_action&actor_id=" + customer.id()).body())
                .contains("0 entries").doesNotContain("GET /admin/reports");
        assertThat(admin.get("/admin/pages/audit?kind=reads").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/pages/audit?from=2026-13-01T00:00").statusCode()).isEqualTo(400);
        assertThat(signedIn(customer.email(), PASSWORD).get("/admin/pages/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRedeliverAWebhookDeliveryFromItsLogOnlyWithTheFormsToken() throws Exception {
        String adminToken = admin().token();
        io.waybill.support.Api.Response webhook = api.post("/webhooks", adminToken,
                java.util.Map.of("url", "http://127.0.0.1:9/hook", "events", java.util.List.of("shipment.delivered")));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        String id = webhook.text("id");
        io.waybill.support.Api.Response test = api.post("/webhooks/" + id + "/test", adminToken, null);
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        String redeliver = "/admin/pages/webhooks/" + id + "/deliveries/" + test.text("id") + "/redeliver";

        PageSession admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/admin/pages/webhooks").statusCode()).isEqualTo(200);
        HttpResponse<String> log = admin.get("/admin/pages/webhooks/" + id);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("webhook.test", "action=\"" + redeliver + "\"");
        String token = PageSession.csrfToken(log.body());

        assertThat(admin.post(redeliver, "").statusCode()).isEqualTo(403);
        assertThat(admin.post(redeliver, "_csrf=not-the-token").statusCode()).isEqualTo(403);
        HttpResponse<String> sent = admin.post(redeliver, "_csrf=" + token);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/pages/webhooks/" + id);
        assertThat(admin.get("/admin/pages/webhooks/" + id).body()).contains("The delivery is queued again");

        PageSession customer = signedIn(customer().email(), PASSWORD);
        assertThat(customer.get("/admin/pages/webhooks/" + id).statusCode()).isEqualTo(403);
        String customersToken = PageSession.csrfToken(customer.get("/portal/notifications").body());
        assertThat(customer.post(redeliver, "_csrf=" + customersToken).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/pages/webhooks/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private PageSession signedIn(String email, String password) throws Exception {
        return PageSession.signedIn(port(), email, password);
    }

    static String csrfToken(String html) {
        return PageSession.csrfToken(html);
    }
}
