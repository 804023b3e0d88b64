package io.waybill.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A stream ends when what opened it no longer counts, long before its lifetime: an access token its
 * owner revoked (logout everywhere), at the next heartbeat; an API key revoked by its owner or an
 * admin, at once, or expired, at the next heartbeat; and a key is read in its own tenant.
 */
@TestPropertySource(properties = "waybill.live.heartbeat=PT1S")
class LiveStreamRevocationApiIT extends ApiTest {

    private static final String KEY_GONE = "the API key was revoked or has expired";

    @Test
    void shouldEndTheStreamsOfTokensRevokedByLogoutEverywhere() {
        Account customer = customer();
        String id = book(customer).text("id");
        try (LiveClients.Socket socket = LiveClients.socket(port(), "?access_token=" + customer.token())
                .awaitSubscribed();
                LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                        customer.token())) {
            assertThat(stream.status).isEqualTo(200);

            assertThat(api.post("/auth/logout-all", customer.token(), null).status()).isEqualTo(204);

            assertThat(socket.closed.orTimeout(10, TimeUnit.SECONDS).join()).startsWith("1008")
                    .contains("revoked");
            stream.ended.orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(stream.lastEvent().get("type").asString()).isEqualTo("stream.closed");
            assertThat(stream.lastEvent().get("reason").asString()).contains("revoked");
        }
    }

    @Test
    void shouldEndTheStreamsOfAnApiKeyItsOwnerRevokesInItsOwnTenantOnly() throws Exception {
        TenantAdmin tenant = newTenant();
        Account shop = registerIn(tenant.slug(), "customer", null);
        String id = book(shop).text("id");
        Api.Response key = api.post("/me/api-keys", shop.token(), Map.of("name", "shop integration"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        Map<String, String> withKey = Map.of("X-API-Key", key.text("key"));
        try (LiveClients.Stream keyed = LiveClients.stream(port(), "/shipments/" + id + "/events", null, withKey);
                LiveClients.Stream bearer = LiveClients.stream(port(), "/shipments/" + id + "/events",
                        shop.token())) {
            assertThat(keyed.status).as(keyed.refusal).isEqualTo(200);
            assertThat(bearer.status).isEqualTo(200);
            // Heartbeats read the key in its tenant: a key of a tenant other than the default one holds.
            Thread.sleep(2_500);
            assertThat(keyed.ended).as("a valid key's stream outlives its heartbeats").isNotDone();

            assertThat(api.delete("/me/api-keys/" + key.text("id"), shop.token()).status()).isEqualTo(204);

            keyed.ended.orTimeout(5, TimeUnit.SECONDS).join();
            assertThat(keyed.lastEvent().get("type").asString()).isEqualTo("stream.closed");
            assertThat(keyed.lastEvent().get("reason").asString()).isEqualTo(KEY_GONE);
            Thread.sleep(1_500);
            assertThat(bearer.ended).as("the owner's token stream is not the key's").isNotDone();
            try (LiveClients.Stream again = LiveClients.stream(port(), "/shipments/" + id + "/events", null,
                    withKey)) {
                assertThat(again.status).isEqualTo(401);
                assertThat(again.contentType).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void shouldEndTheStreamsOfAnAgentsApiKeyAnAdminRevokes() {
        Account customer = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);
        Api.Response key = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "scanner of " + agent.email()));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        try (LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events", null,
                Map.of("X-API-Key", key.text("key")))) {
            assertThat(stream.status).as(stream.refusal).isEqualTo(200);

            assertThat(api.delete("/admin/api-keys/" + key.text("id"), admin().token()).status()).isEqualTo(204);

            stream.ended.orTimeout(5, TimeUnit.SECONDS).join();
            assertThat(stream.lastEvent().get("reason").asString()).isEqualTo(KEY_GONE);
        }
    }

    @Test
    void shouldEndTheStreamOfAnApiKeyWithinAHeartbeatOfItsExpiry() {
        Account shop = customer();
        String id = book(shop).text("id");
        Instant expiry = Instant.now().plusSeconds(4);
        Api.Response key = api.post("/me/api-keys", shop.token(), Map.of("name", "short-lived",
                "expires_at", expiry.toString()));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        Map<String, String> withKey = Map.of("X-API-Key", key.text("key"));
        try (LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events", null, withKey)) {
            assertThat(stream.status).as(stream.refusal).isEqualTo(200);

            stream.ended.orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(Instant.now()).as("not before the key expired").isAfterOrEqualTo(expiry);
            assertThat(Instant.now()).as("within a heartbeat or two of it").isBefore(expiry.plusSeconds(3));
            assertThat(stream.lastEvent().get("reason").asString()).isEqualTo(KEY_GONE);
            try (LiveClients.Stream again = LiveClients.stream(port(), "/shipments/" + id + "/events", null,
                    withKey)) {
                assertThat(again.status).isEqualTo(401);
            }
        }
    }
}
