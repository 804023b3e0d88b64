package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keys for integrations: a customer issues their own; every key holds scopes within its owner's
 * role, may expire and may have its own rate limit; an endpoint refuses a key without its scope
 * with a 403 that names the scope.
 */
class ApiKeyScopesApiIT extends ApiTest {

    @Test
    void shouldLetACustomerIssueAKeyOfTheirOwnOnTheTermsAskedFor() {
        Account shop = customer();
        Instant expiry = Instant.now().plus(Duration.ofDays(30));

        Api.Response created = ownKey(shop, Map.of("name", "Shop", "scopes", List.of("tracking:read"),
                "expires_at", expiry.toString(), "requests_per_minute", 30));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/me/api-keys/" + created.text("id"));
        assertThat(created.text("key")).startsWith("wbk_");
        assertThat(created.text("user_id")).isEqualTo(shop.id().toString());
        Api.Response listed = api.get("/me/api-keys", shop.token());
        assertThat(listed.body().get("total").asInt()).isEqualTo(1);
        var item = listed.body().get("items").get(0);
        assertThat(item.get("scopes").get(0).asString()).isEqualTo("tracking:read");
        assertThat(item.get("scopes").size()).isEqualTo(1);
        assertThat(Instant.parse(item.get("expires_at").asString())).isCloseTo(expiry, within());
        assertThat(item.get("requests_per_minute").asInt()).isEqualTo(30);
        assertThat(listed.raw()).doesNotContain(created.text("key"));

        Api.Response everything = ownKey(shop, Map.of("name", "Everything"));
        assertThat(everything.body().get("scopes").toString()).isEqualTo("[\"shipments:write\",\"tracking:read\"]");
        assertThat(everything.body().get("expires_at").isNull()).isTrue();
    }

    @Test
    void shouldRefuseScopesAndTermsTheOwnerMayNotHave() {
        Account shop = customer();
        assertField(ownKey(shop, Map.of("name", "x", "scopes", List.of("tracking:write"))), "scopes", "tracking:write");
        assertField(ownKey(shop, Map.of("name", "x", "scopes", List.of("scans:write"))), "scopes", "scans:write");
        assertField(ownKey(shop, Map.of("name", "x", "scopes", List.of())), "scopes", "at least one");
        assertField(ownKey(shop, Map.of("name", "x", "expires_at", Instant.now().minusSeconds(60).toString())),
                "expires_at", "future");
        assertField(ownKey(shop, Map.of("name", "x", "expires_at", Instant.now().plus(Duration.ofDays(800))
                .toString())), "expires_at", "730 days");
        assertField(ownKey(shop, Map.of("name", "x", "requests_per_minute", 0)), "requests_per_minute", "between");
        assertField(ownKey(shop, Map.of("name", "x", "requests_per_minute", 6001)), "requests_per_minute", "between");
        Api.Response forAgent = api.post("/admin/api-keys", admin().token(), Map.of("agent_id", agent().id().toString(),
                "name", "x", "scopes", List.of("shipments:write")));
        assertField(forAgent, "scopes", "shipments:write");

        assertProblem(api.post("/me/api-keys", agent().token(), Map.of("name", "agents get theirs from an admin")), 403);
        String key = ownKey(shop, Map.of("name", "Shop")).text("key");
        Api.Response withKey = api.json("POST", "/me/api-keys", null, Map.of("name", "minted by a key"),
                Map.of("X-API-Key", key));
        assertProblem(withKey, 403);
        assertThat(withKey.text("detail")).contains("bearer token");
    }

    @Test
    void shouldLetATrackingKeyReadOnlyWhatItsOwnerMaySee() {
        Account shop = customer();
        Map<String, String> key = headers(ownKey(shop, Map.of("name", "Read", "scopes", List.of("tracking:read"))));
        Api.Response shipment = book(shop);
        String other = book(customer()).text("id");

        assertThat(api.json("GET", "/shipments/" + shipment.text("id"), null, null, key).status()).isEqualTo(200);
        assertThat(api.json("GET", "/shipments", null, null, key).status()).isEqualTo(200);
        assertThat(api.json("GET", "/track/" + shipment.text("tracking_number"), null, null, key).status())
                .isEqualTo(200);
        assertProblem(api.json("GET", "/shipments/" + other, null, null, key), 404);

        assertMissingScope(api.json("POST", "/shipments", null, booking(), key), "shipments:write");
        assertMissingScope(api.json("DELETE", "/shipments/" + shipment.text("id"), null, null, key), "shipments:write");
        Api.Response account = api.json("GET", "/auth/me", null, null, key);
        assertProblem(account, 403);
        assertThat(account.text("detail")).contains("every scope");
    }

    @Test
    void shouldLetAShipmentsKeyBookAndCancelButNotRead() {
        Account shop = customer();
        Map<String, String> key = headers(ownKey(shop, Map.of("name", "Book", "scopes", List.of("shipments:write"))));

        Api.Response booked = api.json("POST", "/shipments", null, booking(), key);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(api.get("/shipments/" + booked.text("id"), shop.token()).text("customer_id"))
                .isEqualTo(shop.id().toString());
        assertMissingScope(api.json("GET", "/shipments/" + booked.text("id"), null, null, key), "tracking:read");
        assertMissingScope(api.json("POST", "/track/bulk", null,
                Map.of("tracking_numbers", List.of(booked.text("tracking_number"))), key), "tracking:read");
        assertThat(api.json("DELETE", "/shipments/" + booked.text("id"), null, null, key).status()).isEqualTo(200);
    }

    @Test
    void shouldLetAScannerKeyScanButNotReadAndAReadingAgentKeyNotScan() {
        Account agent = agent();
        String shipment = book(customer()).text("id");
        assign(shipment, agent);
        Map<String, String> scanner = headers(agentKey(agent, List.of("scans:write")));
        Map<String, String> reader = headers(agentKey(agent, List.of("tracking:read")));
        Map<String, Object> update = Map.of("location", "Chennai hub", "status", "picked_up");

        assertMissingScope(api.json("POST", "/tracking/" + shipment, null, update, reader), "scans:write");
        assertMissingScope(api.json("POST", "/agents/me/locations", null, Map.of("points", List.of(Map.of("lat", 12.97,
                "lon", 77.59, "recorded_at", Instant.now().toString()))), reader), "scans:write");
        Api.Response scanned = api.json("POST", "/tracking/" + shipment, null, update, scanner);
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        assertMissingScope(api.json("GET", "/shipments/" + shipment, null, null, scanner), "tracking:read");
        assertThat(api.json("GET", "/shipments/" + shipment, null, null, reader).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnExpiredKeyLikeAnUnknownOne() {
        Account shop = customer();
        Api.Response created = ownKey(shop, Map.of("name", "Soon", "expires_at",
                Instant.now().plus(Duration.ofDays(1)).toString()));
        Map<String, String> key = headers(created);
        assertThat(api.json("GET", "/shipments", null, null, key).status()).isEqualTo(200);

        // The day passes: the key's expiry is now behind us in the copy every request reads.
        database().sql("update security.api_keys set expires_at = now() - interval '1 second' where id = ?::uuid")
                .param(created.text("id")).update();

        Api.Response refused = api.json("GET", "/shipments", null, null, key);
        assertProblem(refused, 401);
        assertThat(refused.text("detail")).contains("expired");
    }

    @Test
    void shouldKeepAKeyIssuedBeforeScopesWorkingAsItsAgent() {
        Account agent = agent();
        String shipment = book(customer()).text("id");
        assign(shipment, agent);
        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "from before"));
        // As the migration leaves a key of before, and as an api_key.issued event of before records it.
        database().sql("update security.api_keys set role = null, scopes = null, requests_per_minute = null "
                + "where id = ?::uuid").param(created.text("id")).update();
        Map<String, String> key = headers(created);

        assertThat(api.json("GET", "/auth/me", null, null, key).text("id")).isEqualTo(agent.id().toString());
        assertThat(api.json("GET", "/shipments/" + shipment, null, null, key).status()).isEqualTo(200);
        assertThat(api.json("POST", "/tracking/" + shipment, null, Map.of("location", "Chennai hub",
                "status", "picked_up"), key).status()).isEqualTo(201);
        assertThat(created.body().get("scopes").toString()).isEqualTo("[\"scans:write\",\"tracking:read\"]");
    }

    @Test
    void shouldCountEachKeyAgainstItsOwnLimit() {
        Account shop = customer();
        String number = book(shop).text("tracking_number");
        Map<String, String> limited = headers(ownKey(shop, Map.of("name", "Three", "requests_per_minute", 3)));
        Map<String, String> other = headers(ownKey(shop, Map.of("name", "Default")));

        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.Response ok = api.json("GET", "/shipments", null, null, limited);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
        }
        Api.Response refused = api.json("GET", "/shipments", null, null, limited);
        assertProblem(refused, 429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.text("detail")).contains("API key");

        Api.Response bulk = api.json("POST", "/track/bulk", null, Map.of("tracking_numbers", List.of(number, number)),
                other);
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.header("X-RateLimit-Limit")).isEqualTo("600");
        assertThat(bulk.header("X-RateLimit-Remaining")).as("one for the request, one per number").isEqualTo("597");
    }

    @Test
    void shouldCapAnAccountsKeysAndLetOwnersRevokeOnlyTheirOwn() {
        Account shop = customer();
        String first = null;
        for (int i = 0; i < 10; i++) {
            Api.Response created = ownKey(shop, Map.of("name", "Key " + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            first = first == null ? created.text("id") : first;
        }
        assertProblem(ownKey(shop, Map.of("name", "one too many")), 409);

        assertProblem(api.delete("/me/api-keys/" + first, customer().token()), 404);
        assertProblem(api.delete("/me/api-keys/" + UUID.randomUUID(), shop.token()), 404);
        assertThat(api.delete("/me/api-keys/" + first, shop.token()).status()).isEqualTo(204);
        assertThat(ownKey(shop, Map.of("name", "in its place")).status()).isEqualTo(201);
    }

    @Test
    void shouldCapTheLimitOfACustomersOwnKeysAtTheDefaultAndLetOnlyAdminsGoHigher() {
        Account shop = customer();

        assertField(ownKey(shop, Map.of("name", "Fast", "requests_per_minute", 601)), "requests_per_minute",
                "between 1 and 600");
        Api.Response atTheCap = ownKey(shop, Map.of("name", "Default", "requests_per_minute", 600));
        assertThat(atTheCap.status()).as(atTheCap.toString()).isEqualTo(201);
        Api.Response forAgent = api.post("/admin/api-keys", admin().token(), Map.of("agent_id",
                agent().id().toString(), "name", "busy scanner", "requests_per_minute", 6000));
        assertThat(forAgent.status()).as(forAgent.toString()).isEqualTo(201);
        assertThat(forAgent.body().get("requests_per_minute").asInt()).isEqualTo(6000);
    }

    @Test
    void shouldKeepKeysOffSignInEmailsAndChannelsThatWouldOutliveThem() {
        Account shop = customer();
        Map<String, String> key = headers(ownKey(shop, Map.of("name", "Everything")));
        Map<String, Map<String, ?>> bearerOnly = Map.of(
                "/auth/login", Map.of("email", shop.email(), "password", PASSWORD),
                "/auth/register", Map.of("email", Api.uniqueEmail("by-key"), "password", PASSWORD),
                "/auth/refresh", Map.of("refresh_token", shop.refreshToken()),
                "/auth/request-password-reset", Map.of("email", shop.email()),
                "/auth/request-verification", Map.of(),
                "/me/devices", Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "android"),
                "/webhooks", Map.of("url", "https://shop.example.com/hooks", "events", List.of("shipment.delivered")));

        bearerOnly.forEach((path, body) -> {
            Api.Response refused = api.json("POST", path, null, body, key);
            assertProblem(refused, 403);
            assertThat(refused.text("detail")).as(path).contains("bearer token");
        });
        assertThat(api.json("GET", "/webhooks", null, null, key).status()).isEqualTo(200);
        assertThat(api.json("GET", "/me/devices", null, null, key).status()).isEqualTo(200);
        assertThat(api.post("/auth/refresh", null, Map.of("refresh_token", shop.refreshToken())).status())
                .as("the refresh token was not spent").isEqualTo(200);
    }

    @Test
    void shouldRefuseAKeyWithoutEveryScopeWhereNoEndpointTellsWhichItNeeds() {
        Account shop = customer();
        Map<String, String> partial = headers(ownKey(shop, Map.of("name", "Read", "scopes", List.of("tracking:read"))));
        Map<String, String> full = headers(ownKey(shop, Map.of("name", "Everything")));

        Api.Response refused = api.json("GET", "/no-such-route", null, null, partial);
        assertProblem(refused, 403);
        assertThat(refused.text("detail")).contains("every scope");
        assertProblem(api.json("GET", "/no-such-route", null, null, full), 404);
    }

    private Api.Response ownKey(Account owner, Map<String, Object> body) {
        return api.post("/me/api-keys", owner.token(), body);
    }

    private Api.Response agentKey(Account agent, List<String> scopes) {
        return api.post("/admin/api-keys", admin().token(), Map.of("agent_id", agent.id().toString(), "name",
                "scanner " + scopes, "scopes", scopes));
    }

    private static Map<String, String> headers(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.of("X-API-Key", created.text("key"));
    }

    private static Map<String, Object> booking() {
        return Map.of("source_address", "Chennai", "destination_address", "Bangalore");
    }

    private static void assertMissingScope(Api.Response response, String scope) {
        assertProblem(response, 403);
        assertThat(response.text("detail")).contains("lacks the scope " + scope);
    }

    private static void assertField(Api.Response response, String field, String message) {
        assertProblem(response, 422);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains(message);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.MILLIS);
    }
}
