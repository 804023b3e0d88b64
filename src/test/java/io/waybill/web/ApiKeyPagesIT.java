package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admins' API keys page over plain HTTP: who may open it, issuing a key for an agent (its value
 * on the answer only), the service's refusals beside the fields, and revoking after a confirmation.
 */
class ApiKeyPagesIT extends ApiTest {

    private static final Pattern KEY_VALUE = Pattern.compile("id=\"issued-key\"[^>]*>(wbk_[^<]+)<");

    @Test
    void shouldSendTheSignedOutToSignInAndRefuseCustomersAndAgents() throws Exception {
        Account agent = agent();
        String keyId = issuedId(agent);

        HttpResponse<String> signedOut = new PageSession(port()).get("/admin/pages/api-keys");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/signin?continue=%2F");

        for (Account notAdmin : new Account[] {customer(), agent}) {
            PageSession session = PageSession.signedIn(port(), notAdmin.email(), PASSWORD);
            HttpResponse<String> list = session.get("/admin/pages/api-keys");
            assertThat(list.statusCode()).isEqualTo(403);
            assertThat(list.body()).doesNotContain("issue-form");
            assertThat(session.get("/admin/pages/api-keys/" + keyId + "/revoke").statusCode()).isEqualTo(403);
            session.get("/portal");
            assertThat(session.post("/admin/pages/api-keys", Map.of("agent_id", agent.id().toString(),
                    "name", "by " + notAdmin.email())).statusCode()).isEqualTo(403);
            assertThat(session.post("/admin/pages/api-keys/" + keyId + "/revoke", Map.of()).statusCode())
                    .isEqualTo(403);
        }
        JsonNode keys = keysOf(agent);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("revoked_at").isNull()).isTrue();
    }

    @Test
    void shouldIssueAKeyWhoseValueOnlyTheAnswerShows() throws Exception {
        Account agent = agent();
        PageSession admin = PageSession.signedIn(port(), ADMIN_EMAIL, ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/pages/api-keys");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"issue-form\"", agent.email(), "href=\"/admin/pages/api-keys\"");

        // Without its token the form is refused, and nothing is issued.
        Map<String, String> form = Map.of("agent_id", agent.id().toString(), "name", "Scanner of van 12",
                "scopes", "tracking:read", "requests_per_minute", "120",
                "expires_at", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        assertThat(admin.postWithoutToken("/admin/pages/api-keys", form).statusCode()).isEqualTo(403);
        assertThat(keysOf(agent)).isEmpty();

        HttpResponse<String> issued = admin.post("/admin/pages/api-keys", form);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Matcher value = KEY_VALUE.matcher(issued.body());
        assertThat(value.find()).as("the key's value on the answer").isTrue();
        String key = value.group(1);
        assertThat(issued.body()).contains("shown this once", agent.email(), "Scanner of van 12", "120");

        JsonNode keys = keysOf(agent);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("scopes").toString()).isEqualTo("[\"tracking:read\"]");
        assertThat(keys.get(0).get("requests_per_minute").asInt()).isEqualTo(120);
        assertThat(key).startsWith(keys.get(0).get("prefix").asString());
        // The key works, as the agent, within the one scope ticked.
        Map<String, String> withKey = Map.of("X-API-Key", key);
        assertThat(api.json("GET", "/shipments", null, null, withKey).status()).isEqualTo(200);
        assertThat(api.json("POST", "/tracking/" + UUID.randomUUID(), null,
                Map.of("location", "Hub", "status", "picked_up"), withKey).status()).isEqualTo(403);

        // Nowhere else: not on the list, not on the revoke page, not in the session's next page.
        HttpResponse<String> list = admin.get("/admin/pages/api-keys");
        assertThat(list.body()).contains(keys.get(0).get("prefix").asString(), "Scanner of van 12")
                .doesNotContain(key);
        assertThat(admin.get("/admin/pages/api-keys/" + keys.get(0).get("id").asString() + "/revoke").body())
                .doesNotContain(key);
        assertThat(admin.get("/admin/pages/api-keys?owner=" + agent.id()).body()).doesNotContain(key)
                .contains("Keys of " + agent.email());
    }

    @Test
    void shouldShowTheServicesRefusalsBesideTheirFieldsAndIssueNothing() throws Exception {
        Account agent = agent();
        PageSession admin = PageSession.signedIn(port(), ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/pages/api-keys");
        String id = agent.id().toString();

        HttpResponse<String> scope = admin.post("/admin/pages/api-keys",
                Map.of("agent_id", id, "name", "Scanner", "scopes", "shipments:write"));
        assertThat(scope.statusCode()).isEqualTo(422);
        assertThat(scope.body()).contains("id=\"scopes-error\"", "shipments:write, which a key of a agent cannot have")
                .contains("value=\"Scanner\"");
        HttpResponse<String> limit = admin.post("/admin/pages/api-keys",
                Map.of("agent_id", id, "name", "Scanner", "requests_per_minute", "1000000"));
        assertThat(limit.statusCode()).isEqualTo(422);
        assertThat(limit.body()).contains("id=\"requests_per_minute-error\"", "must be between 1 and");
        HttpResponse<String> expiry = admin.post("/admin/pages/api-keys", Map.of("agent_id", id, "name", "Scanner",
                "expires_at", LocalDate.now(ZoneOffset.UTC).plusYears(5).toString()));
        assertThat(expiry.statusCode()).isEqualTo(422);
        assertThat(expiry.body()).contains("id=\"expires_at-error\"", "days from now");
        HttpResponse<String> noName = admin.post("/admin/pages/api-keys", Map.of("agent_id", id, "name", " "));
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("id=\"name-error\"");
        HttpResponse<String> noAgent = admin.post("/admin/pages/api-keys", Map.of("name", "Scanner"));
        assertThat(noAgent.statusCode()).isEqualTo(422);
        assertThat(noAgent.body()).contains("id=\"agent_id-error\"");
        HttpResponse<String> customer = admin.post("/admin/pages/api-keys",
                Map.of("agent_id", customer().id().toString(), "name", "Scanner"));
        assertThat(customer.statusCode()).isEqualTo(422);
        assertThat(customer.body()).contains("id=\"agent_id-error\"", "is not an active delivery agent");

        assertThat(keysOf(agent)).isEmpty();
        for (HttpResponse<String> refused : java.util.List.of(scope, limit, expiry, noName, noAgent, customer)) {
            assertThat(refused.body()).doesNotContain("issued-key");
        }
    }

    @Test
    void shouldRevokeAKeyAfterItsConfirmationOnlyWithTheFormsToken() throws Exception {
        Account agent = agent();
        Api.Response created = issued(agent);
        String id = created.text("id");
        String key = created.text("key");
        PageSession admin = PageSession.signedIn(port(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String path = "/admin/pages/api-keys/" + id + "/revoke";

        HttpResponse<String> list = admin.get("/admin/pages/api-keys");
        assertThat(list.body()).contains("href=\"" + path + "\"");
        HttpResponse<String> confirm = admin.get(path);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"revoke-form\"", "cannot be undone", agent.email());

        assertThat(admin.postWithoutToken(path, Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.postWithoutToken(path, Map.of("_csrf", "not-the-token")).statusCode()).isEqualTo(403);
        assertThat(keysOf(agent).get(0).get("revoked_at").isNull()).isTrue();

        HttpResponse<String> revoked = admin.post(path, Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/admin/pages/api-keys");
        assertThat(keysOf(agent).get(0).get("revoked_at").isNull()).isFalse();
        assertThat(api.json("GET", "/auth/me", null, null, Map.of("X-API-Key", key)).status()).isEqualTo(401);
        HttpResponse<String> after = admin.get("/admin/pages/api-keys?owner=" + agent.id());
        assertThat(after.body()).contains("The key is revoked", "Revoked ").doesNotContain("href=\"" + path + "\"");
        assertThat(admin.get(path).body()).contains("already revoked").doesNotContain("revoke-form");
        assertThat(admin.get("/admin/pages/api-keys/" + java.util.UUID.randomUUID() + "/revoke").statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/admin/pages/api-keys/not-an-id/revoke").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/pages/api-keys?owner=nobody").statusCode()).isEqualTo(400);
    }

    private String issuedId(Account agent) {
        return issued(agent).text("id");
    }

    private Api.Response issued(Account agent) {
        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "Scanner " + agent.email()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private JsonNode keysOf(Account agent) {
        Api.Response listed = api.get("/admin/api-keys?agent_id=" + agent.id(), admin().token());
        assertThat(listed.status()).isEqualTo(200);
        return listed.body().get("items");
    }
}
