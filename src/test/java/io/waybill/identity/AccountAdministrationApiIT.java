package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An admin looks at one account, suspends and reinstates it, and moves staff between the agent and
 * admin roles: over HTTP, against the real database and event relay.
 */
class AccountAdministrationApiIT extends ApiTest {

    private Api.Response patch(UUID user, String token, Object body) {
        return api.json("PATCH", "/admin/users/" + user, token, body, Map.of());
    }

    @Test
    void shouldShowOneAccountWithoutItsPasswordHash() {
        Account agent = agent();
        String admin = admin().token();

        Api.Response shown = api.get("/admin/users/" + agent.id(), admin);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text("id")).isEqualTo(agent.id().toString());
        assertThat(shown.text("email")).isEqualTo(agent.email());
        assertThat(shown.text("role")).isEqualTo("agent");
        assertThat(shown.body().get("disabled").asBoolean()).isFalse();
        assertThat(shown.raw()).doesNotContain("password").doesNotContain("$2a$").doesNotContain("{bcrypt}");
        assertProblem(api.get("/admin/users/" + UUID.randomUUID(), admin), 404);
        assertProblem(api.get("/admin/users/not-an-id", admin), 400);
        Account deleted = customer();
        api.delete("/admin/users/" + deleted.id(), admin);
        assertProblem(api.get("/admin/users/" + deleted.id(), admin), 404);
    }

    @Test
    void shouldNotShowOrChangeAnotherTenantsAccount() {
        TenantAdmin other = newTenant();
        Account theirs = registerIn(other.slug(), "agent", other.admin().token());
        String admin = admin().token();

        assertProblem(api.get("/admin/users/" + theirs.id(), admin), 404);
        assertProblem(patch(theirs.id(), admin, Map.of("disabled", true)), 404);
        assertProblem(patch(theirs.id(), admin, Map.of("role", "admin")), 404);
        assertThat(api.get("/auth/me", theirs.token()).status()).isEqualTo(200);
        // The platform operator runs tenants, not their accounts.
        assertProblem(api.get("/admin/users/" + theirs.id(), platformOperator().token()), 403);
    }

    @Test
    void shouldSuspendAnAccountAtOnceAndKeepItsData() {
        Account customer = customer();
        String shipment = book(customer).text("id");
        Api.Response key = api.post("/me/api-keys", customer.token(), Map.of("name", "shop"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String apiKey = key.text("key");
        assertThat(api.send("GET", "/shipments", null, null, null, Map.of("X-API-Key", apiKey)).status())
                .isEqualTo(200);
        Account admin = admin();

        try (LiveClients.Socket socket = LiveClients.socket(port(), "?access_token=" + customer.token())
                .awaitSubscribed()) {
            Api.Response disabled = patch(customer.id(), admin.token(), Map.of("disabled", true));

            assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
            assertThat(disabled.body().get("disabled").asBoolean()).isTrue();
            assertThat(socket.closed.orTimeout(5, TimeUnit.SECONDS).join()).startsWith("1008")
                    .contains("disabled");
        }
        assertProblem(api.get("/auth/me", customer.token()), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
        assertProblem(api.send("GET", "/shipments", null, null, null, Map.of("X-API-Key", apiKey)), 401);
        Api.Response login = api.post("/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD));
        assertProblem(login, 403);
        assertThat(login.text("detail")).contains("disabled");
        // A wrong password learns nothing of it.
        Api.Response guess = api.post("/auth/login", null, Map.of("email", customer.email(), "password", "wrong-one!"));
        assertProblem(guess, 401);
        assertThat(guess.raw()).doesNotContain("disabled");
        assertThat(api.get("/shipments/" + shipment, admin.token()).text("customer_id"))
                .isEqualTo(customer.id().toString());
        assertThat(api.get("/admin/users/" + customer.id(), admin.token()).body().get("disabled").asBoolean()).isTrue();
        // Disabling twice changes nothing.
        assertThat(patch(customer.id(), admin.token(), Map.of("disabled", true)).status()).isEqualTo(200);

        Api.Response enabled = patch(customer.id(), admin.token(), Map.of("disabled", false));

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.body().get("disabled").asBoolean()).isFalse();
        Account back = login(customer.email(), PASSWORD);
        assertThat(api.get("/auth/me", back.token()).status()).isEqualTo(200);
        assertProblem(api.get("/auth/me", customer.token()), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
        // A suspension suspends the keys; reinstating the account brings them back (revoke a leaked one).
        assertThat(api.send("GET", "/shipments", null, null, null, Map.of("X-API-Key", apiKey)).status())
                .isEqualTo(200);
        awaitEvents();
        Api.Response audit = api.get("/admin/audit?action=PATCH%20/admin/users/" + customer.id(), admin.token());
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.body().get("items").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldPublishTheSuspensionAndTheReinstatement() {
        Account agent = agent();
        Account admin = admin();

        patch(agent.id(), admin.token(), Map.of("disabled", true));
        patch(agent.id(), admin.token(), Map.of("disabled", false));

        awaitEvents();
        var events = database().sql("select topic || ' ' || coalesce(envelope -> 'payload' ->> 'disabled', '-') "
                        + "from eventing.outbox where event_key = ? order by id")
                .param(agent.id().toString()).query(String.class).list();
        assertThat(events).containsSubsequence("user.updated true", "user.disabled -", "user.updated false",
                "user.enabled -");
    }

    @Test
    void shouldMoveStaffBetweenAgentAndAdminAndEndTheirTokens() {
        Account agent = agent();
        Account admin = admin();

        Api.Response promoted = patch(agent.id(), admin.token(), Map.of("role", "admin"));

        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("admin");
        assertProblem(api.get("/auth/me", agent.token()), 401);
        Api.Response refreshed = api.post("/auth/refresh", null, Map.of("refresh_token", agent.refreshToken()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.text("role")).isEqualTo("admin");
        assertThat(api.get("/admin/users", refreshed.text("access_token")).status()).isEqualTo(200);

        Api.Response demoted = patch(agent.id(), admin.token(), Map.of("role", "agent"));

        assertThat(demoted.text("role")).isEqualTo("agent");
        assertProblem(api.get("/admin/users", refreshed.text("access_token")), 401);
        assertThat(api.get("/admin/users/" + agent.id(), admin.token()).text("role")).isEqualTo("agent");
    }

    @Test
    void shouldKeepCustomersAndStaffApart() {
        Account customer = customer();
        Account agent = agent();
        String admin = admin().token();

        assertProblem(patch(customer.id(), admin, Map.of("role", "agent")), 409);
        assertProblem(patch(customer.id(), admin, Map.of("role", "admin")), 409);
        assertProblem(patch(agent.id(), admin, Map.of("role", "customer")), 409);
        assertThat(api.get("/auth/me", customer.token()).status()).isEqualTo(200);
        assertThat(api.get("/auth/me", agent.token()).status()).isEqualTo(200);
        // The same role changes nothing, and ends no token.
        assertThat(patch(agent.id(), admin, Map.of("role", "agent")).status()).isEqualTo(200);
        assertThat(api.get("/auth/me", agent.token()).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseChangesToTheAdminsOwnAccountAndBadBodies() {
        Account admin = admin();
        Account agent = agent();

        assertProblem(patch(admin.id(), admin.token(), Map.of("disabled", true)), 409);
        assertProblem(patch(admin.id(), admin.token(), Map.of("role", "agent")), 409);
        assertThat(api.get("/auth/me", admin.token()).status()).isEqualTo(200);
        assertProblem(patch(agent.id(), admin.token(), Map.of()), 422);
        assertProblem(patch(agent.id(), admin.token(), Map.of("role", "pilot")), 422);
        assertProblem(patch(agent.id(), admin.token(), Map.of("role", "platform")), 422);
        assertProblem(api.send("PATCH", "/admin/users/" + agent.id(), admin.token(), "application/json",
                "{\"disabled\": \"maybe\"}"), 400);
        assertProblem(api.send("PATCH", "/admin/users/" + agent.id(), admin.token(), "application/json", "{"), 400);
        assertProblem(patch(UUID.randomUUID(), admin.token(), Map.of("disabled", true)), 404);
        Map<String, Object> both = new HashMap<>();
        both.put("disabled", null);
        both.put("role", null);
        assertProblem(patch(agent.id(), admin.token(), both), 422);
    }

    @Test
    void shouldKeepAccountAdministrationForAdmins() {
        Account agent = agent();
        Account customer = customer();

        assertProblem(api.get("/admin/users/" + agent.id(), null), 401);
        assertProblem(api.get("/admin/users/" + agent.id(), customer.token()), 403);
        assertProblem(api.get("/admin/users/" + customer.id(), agent.token()), 403);
        assertProblem(patch(customer.id(), agent.token(), Map.of("disabled", true)), 403);
        assertProblem(patch(agent.id(), customer.token(), Map.of("role", "admin")), 403);
        assertThat(api.get("/auth/me", customer.token()).status()).isEqualTo(200);
    }
}
