package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API keys: issued by an admin for an agent, shown once, stored hashed, refused once revoked. */
class ApiKeyApiIT extends ApiTest {

    @Test
    void shouldIssueARecognisableKeyOnceAndKeepOnlyItsHash() {
        Account agent = agent();

        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "Delivery partner"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/admin/api-keys/" + created.text("id"));
        String key = created.text("key");
        assertThat(key).startsWith("wbk_").hasSizeGreaterThan(40);
        assertThat(key).startsWith(created.text("prefix"));
        assertThat(created.text("agent_id")).isEqualTo(agent.id().toString());

        Api.Response listed = api.get("/admin/api-keys?agent_id=" + agent.id(), admin().token());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("total").asInt()).isEqualTo(1);
        JsonNode item = listed.body().get("items").get(0);
        assertThat(item.get("name").asString()).isEqualTo("Delivery partner");
        assertThat(item.has("key")).isFalse();
        assertThat(listed.raw()).doesNotContain(key);
        String stored = database().sql("select encode(key_hash, 'escape') from identity.api_keys where id = ?::uuid")
                .param(created.text("id")).query(String.class).single();
        assertThat(stored).doesNotContain(key);
    }

    @Test
    void shouldActAsTheAgentWithTheKey() {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        String key = apiKey(agent);
        Map<String, String> withKey = Map.of("X-API-Key", key);

        Api.Response me = api.json("GET", "/auth/me", null, null, withKey);
        assertThat(me.text("id")).isEqualTo(agent.id().toString());
        Api.Response scan = api.json("POST", "/tracking/" + shipment, null, Map.of("location", "Chennai hub",
                "status", "picked_up"), withKey);
        assertThat(scan.status()).as(scan.toString()).isEqualTo(201);
        assertProblem(api.json("GET", "/admin/users", null, null, withKey), 403);
    }

    @Test
    void shouldRefuseAKeyAtOnceAfterRevocation() {
        Account agent = agent();
        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "to revoke"));
        Map<String, String> withKey = Map.of("X-API-Key", created.text("key"));
        assertThat(api.json("GET", "/auth/me", null, null, withKey).status()).isEqualTo(200);

        assertThat(api.delete("/admin/api-keys/" + created.text("id"), admin().token()).status()).isEqualTo(204);

        Api.Response refused = api.json("GET", "/auth/me", null, null, withKey);
        assertProblem(refused, 401);
        assertThat(refused.text("detail")).contains("API key");
        assertThat(api.get("/admin/api-keys?agent_id=" + agent.id(), admin().token()).body().get("items").get(0)
                .get("revoked_at").isNull()).isFalse();
        assertProblem(api.delete("/admin/api-keys/" + java.util.UUID.randomUUID(), admin().token()), 404);
    }

    @Test
    void shouldRefuseTheKeyOfADeletedAgent() {
        Account agent = agent();
        Map<String, String> withKey = Map.of("X-API-Key", apiKey(agent));

        assertThat(api.delete("/admin/users/" + agent.id(), admin().token()).status()).isEqualTo(204);

        assertProblem(api.json("GET", "/shipments", null, null, withKey), 401);
    }

    @Test
    void shouldIssueKeysOnlyForAgentsAndRefuseMadeUpKeys() {
        Api.Response forCustomer = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", customer().id().toString(), "name", "nope"));
        assertProblem(forCustomer, 422);
        assertThat(forCustomer.body().get("errors").get(0).get("field").asString()).isEqualTo("agent_id");
        assertProblem(api.post("/admin/api-keys", admin().token(), Map.of("name", "no agent")), 422);

        assertProblem(api.json("GET", "/auth/me", null, null, Map.of("X-API-Key", "wbk_made-up-key-value")), 401);
        assertProblem(api.json("GET", "/auth/me", null, null, Map.of("X-API-Key", "")), 401);
        Account agent = agent();
        assertProblem(api.json("GET", "/auth/me", agent.token(), null, Map.of("X-API-Key", apiKey(agent))), 401);
    }
}
