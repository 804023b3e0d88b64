package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's admin sizes the rate limits its accounts and API keys spend from (its settings'
 * {@code rate_limits}): its people are held to its budgets, every other tenant's to their own or the
 * deployment's (60 bookings a minute), and {@code {}} gives the tenant the deployment's back.
 */
class TenantRateLimitsApiIT extends ApiTest {

    private static final Map<String, Object> NO_TRIP = Map.of("source_address", "Chennai",
            "destination_address", "Bangalore");

    @Test
    void shouldHoldATenantsPeopleToTheBudgetsItsAdminGave() {
        TenantAdmin acme = newTenant();

        Api.Response sized = patch(acme.admin().token(), Map.of("rate_limits", Map.of("Booking", 2, "api-key", 600)));
        assertThat(sized.status()).as(sized.toString()).isEqualTo(200);
        assertThat(sized.body().get("rate_limits").get("booking").asInt()).isEqualTo(2);
        assertThat(sized.body().get("rate_limits").get("api-key").asInt()).isEqualTo(600);
        awaitEvents();

        Account acmeCustomer = registerIn(acme.slug(), "customer", null);
        book(acmeCustomer);
        book(acmeCustomer);
        Api.Response third = api.post("/shipments", acmeCustomer.token(), NO_TRIP);
        assertProblem(third, 429);
        assertThat(third.header("X-RateLimit-Limit")).isEqualTo("2");

        // Another tenant's people keep the deployment's budget.
        Account other = customer();
        for (int booking = 1; booking <= 3; booking++) {
            book(other);
        }

        // None: the deployment's budget again, for the next account that books.
        Api.Response back = patch(acme.admin().token(), Map.of("rate_limits", Map.of()));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.body().get("rate_limits").isNull()).isTrue();
        awaitEvents();
        Account later = registerIn(acme.slug(), "customer", null);
        for (int booking = 1; booking <= 3; booking++) {
            book(later);
        }
    }

    @Test
    void shouldLetAPlatformOperatorSizeATenantsApiKeysAndNobodyElseOutsideTheTenant() {
        TenantAdmin acme = newTenant();
        Account acmeCustomer = registerIn(acme.slug(), "customer", null);
        Map<String, Object> budgets = Map.of("rate_limits", Map.of("api-key", 2));
        assertProblem(api.json("PATCH", "/platform/tenants/" + acme.tenantId(), acmeCustomer.token(),
                new HashMap<>(budgets), Map.of()), 403);
        assertProblem(api.json("PATCH", "/platform/tenants/" + acme.tenantId(), acme.admin().token(),
                new HashMap<>(budgets), Map.of()), 403);

        Api.Response sized = api.json("PATCH", "/platform/tenants/" + acme.tenantId(), platformOperator().token(),
                new HashMap<>(budgets), Map.of());
        assertThat(sized.status()).as(sized.toString()).isEqualTo(200);
        assertThat(sized.body().get("rate_limits").get("api-key").asInt()).isEqualTo(2);
        awaitEvents();

        // A key issued without a limit of its own spends the tenant's budget, not the deployment's.
        Account acmeAgent = registerIn(acme.slug(), "agent", acme.admin().token());
        Api.Response issued = api.post("/admin/api-keys", acme.admin().token(),
                Map.of("agent_id", acmeAgent.id().toString(), "name", "Acme scanner"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Map<String, String> withKey = Map.of("X-API-Key", issued.text("key"));
        assertThat(api.json("GET", "/auth/me", null, null, withKey).status()).isEqualTo(200);
        assertThat(api.json("GET", "/auth/me", null, null, withKey).status()).isEqualTo(200);
        Api.Response third = api.json("GET", "/auth/me", null, null, withKey);
        assertProblem(third, 429);
        assertThat(third.header("X-RateLimit-Limit")).isEqualTo("2");
    }

    @Test
    void shouldCapACustomersOwnKeyAtItsTenantsApiKeyBudget() {
        TenantAdmin acme = newTenant();
        Account acmeCustomer = registerIn(acme.slug(), "customer", null);
        Account otherCustomer = customer();

        Api.Response lowered = patch(acme.admin().token(), Map.of("rate_limits", Map.of("api-key", 50)));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        awaitEvents();
        assertOwnKeyRefused(acmeCustomer, 51, "50");
        assertOwnKeyIssued(acmeCustomer, 50);
        // Another tenant's customers keep the deployment's (600).
        assertOwnKeyIssued(otherCustomer, 600);
        assertOwnKeyRefused(otherCustomer, 601, "600");

        // Above the deployment's budget once the tenant gives its keys more.
        Api.Response raised = patch(acme.admin().token(), Map.of("rate_limits", Map.of("api-key", 1000)));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        awaitEvents();
        assertOwnKeyIssued(acmeCustomer, 1000);
        assertOwnKeyRefused(acmeCustomer, 1001, "1000");
    }

    private void assertOwnKeyIssued(Account owner, int perMinute) {
        Api.Response issued = api.post("/me/api-keys", owner.token(),
                Map.of("name", "Shop " + perMinute, "requests_per_minute", perMinute));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.body().get("requests_per_minute").asInt()).isEqualTo(perMinute);
    }

    private void assertOwnKeyRefused(Account owner, int perMinute, String most) {
        Api.Response refused = api.post("/me/api-keys", owner.token(),
                Map.of("name", "Shop " + perMinute, "requests_per_minute", perMinute));
        assertProblem(refused, 422);
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("requests_per_minute");
        assertThat(error.toString()).contains(most);
    }

    @Test
    void shouldRefuseBudgetsOfLimitsATenantCannotSizeOrOutOfRange() {
        TenantAdmin acme = newTenant();
        String admin = acme.admin().token();

        for (Map<String, Object> budgets : new Map[] {Map.of("tracking", 100), Map.of("login-address", 5),
                Map.of("booking", 0), Map.of("booking", 1_000_001), Map.of("booking", "many")}) {
            Api.Response refused = patch(admin, Map.of("rate_limits", budgets));
            assertThat(refused.status()).as(budgets + " " + refused).isIn(400, 422);
            assertProblem(refused, refused.status());
        }
        assertThat(api.get("/admin/tenant", admin).body().get("rate_limits").isNull()).isTrue();

        // Only the tenant's admin (and the platform operator) sizes them.
        Account acmeCustomer = registerIn(acme.slug(), "customer", null);
        assertProblem(patch(acmeCustomer.token(), Map.of("rate_limits", Map.of("booking", 1000))), 403);
    }

    private Api.Response patch(String token, Map<String, Object> body) {
        return api.json("PATCH", "/admin/tenant", token, new HashMap<>(body), Map.of());
    }
}
