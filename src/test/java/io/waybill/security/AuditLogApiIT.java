package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Eventually;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GET /admin/audit: admins read the audit log, filtered by actor, kind, action and time. */
class AuditLogApiIT extends ApiTest {

    @Test
    void shouldShowATenantsAdminsThePlatformOperatorsChangesOfTheirTenantAndNothingOfTheOperators() {
        TenantAdmin tenant = newTenant();
        TenantAdmin other = newTenant();
        Account operator = platformOperator();
        String path = "/platform/tenants/" + tenant.tenantId();
        String theirs = "/admin/audit?action=PATCH%20/platform/tenants";
        String opened = "/admin/audit?action=POST%20/platform/tenants";
        Eventually.eventually(() -> assertThat(api.get(opened, tenant.admin().token()).body().get("total").asLong())
                .as("the opening of the tenant, in its own log").isEqualTo(1));
        assertThat(api.get(theirs, tenant.admin().token()).body().get("total").asLong()).isZero();

        Api.Response refused = api.json("PATCH", path, operator.token(), "{\"display_name\": \"\"}", java.util.Map.of());
        assertProblem(refused, 422);
        Api.Response changed = api.json("PATCH", path, operator.token(), "{\"display_name\": \"Renamed By Ops\"}",
                java.util.Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertProblem(api.json("PATCH", "/platform/tenants/" + java.util.UUID.randomUUID(), operator.token(),
                "{\"display_name\": \"Nobody\"}", java.util.Map.of()), 404);

        Eventually.eventually(() -> assertThat(api.get(theirs, tenant.admin().token()).body().get("total").asLong())
                .as("the change that succeeded, not the refused one").isEqualTo(1));
        JsonNode seen = api.get(theirs, tenant.admin().token()).body().get("items").get(0);
        assertThat(seen.get("kind").asString()).isEqualTo("admin_action");
        assertThat(seen.get("actor_role").asString()).isEqualTo("platform");
        assertThat(seen.get("path").asString()).isEqualTo(path);
        assertThat(seen.get("status").asInt()).isEqualTo(200);
        assertThat(seen.get("actor_id").isNull()).as("the operator's account is the default tenant's").isTrue();
        assertThat(seen.get("client_address").isNull()).isTrue();
        assertThat(seen.get("user_agent").isNull()).isTrue();
        assertThat(api.get(theirs, other.admin().token()).body().get("total").asLong())
                .as("another tenant's log has none of it").isZero();

        // The operator's own record stays, in its own (the default) tenant's log, with its account.
        String operators = "/admin/audit?actor_id=" + operator.id() + "&action=PATCH%20" + path;
        Eventually.eventually(() -> assertThat(api.get(operators, admin().token()).body().get("total").asLong())
                .isEqualTo(2));
        assertThat(api.get(operators, admin().token()).body().get("items").get(0).get("actor_role").asString())
                .isEqualTo("platform");
    }

    @Test
    void shouldFindACustomersRefusalByActorKindActionAndTime() {
        String admin = admin().token();
        Account customer = customer();
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        assertThat(api.get("/admin/reports", customer.token()).status()).isEqualTo(403);

        String mine = "/admin/audit?actor_id=" + customer.id();
        Eventually.eventually(() -> assertThat(api.get(mine, admin).body().get("total").asLong()).isEqualTo(1));
        JsonNode entry = api.get(mine + "&kind=refusal&action=GET%20/admin/rep&from=" + before, admin).body()
                .get("items").get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("refusal");
        assertThat(entry.get("method").asString()).isEqualTo("GET");
        assertThat(entry.get("path").asString()).isEqualTo("/admin/reports");
        assertThat(entry.get("status").asInt()).isEqualTo(403);
        assertThat(entry.get("actor_role").asString()).isEqualTo("customer");
        assertThat(entry.get("credential").asString()).isEqualTo("bearer");
        assertThat(entry.hasNonNull("occurred_at")).isTrue();

        assertThat(api.get(mine + "&kind=admin_action", admin).body().get("total").asLong()).isZero();
        assertThat(api.get(mine + "&action=DELETE", admin).body().get("total").asLong()).isZero();
        assertThat(api.get(mine + "&action=/shipments", admin).body().get("total").asLong()).isZero();
        assertThat(api.get(mine + "&to=" + before, admin).body().get("total").asLong()).isZero();
        Api.Response paged = api.get("/admin/audit?size=1", admin);
        assertThat(paged.body().get("items").size()).isEqualTo(1);
        assertThat(paged.body().get("size").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRecordAnAdminsReadsAsWellAsTheirChanges() {
        String admin = admin().token();
        Api.Response added = api.post("/admin/vehicles", admin, java.util.Map.of("registration_number",
                "AUD-" + java.util.UUID.randomUUID().toString().substring(0, 8), "type", "van", "capacity_kg", 500));
        assertThat(added.status()).isEqualTo(201);
        String vehicle = "/admin/vehicles/" + added.body().get("id").asString();
        assertThat(api.get(vehicle, admin).status()).isEqualTo(200);

        // The read's entry is committed without waiting for the disk, and is there all the same.
        String entries = "/admin/audit?kind=admin_action&action=";
        Eventually.eventually(() -> assertThat(api.get(entries + "GET%20" + vehicle, admin).body().get("total")
                .asLong()).isEqualTo(1));
        JsonNode read = api.get(entries + "GET%20" + vehicle, admin).body().get("items").get(0);
        assertThat(read.get("status").asInt()).isEqualTo(200);
        assertThat(read.get("actor_role").asString()).isEqualTo("admin");
        JsonNode change = api.get(entries + "POST%20/admin/vehicles", admin).body().get("items").get(0);
        assertThat(change.get("status").asInt()).isEqualTo(201);
    }

    @Test
    void shouldRefuseMalformedFiltersAndAnyoneButAnAdmin() {
        String admin = admin().token();
        assertProblem(api.get("/admin/audit?kind=reads", admin), 400);
        assertProblem(api.get("/admin/audit?action=drop%20table", admin), 400);
        assertProblem(api.get("/admin/audit?actor_id=not-an-id", admin), 400);
        assertProblem(api.get("/admin/audit?from=yesterday", admin), 400);
        Instant now = Instant.now();
        assertProblem(api.get("/admin/audit?from=" + now + "&to=" + now.minusSeconds(60), admin), 400);

        assertProblem(api.get("/admin/audit", null), 401);
        assertProblem(api.get("/admin/audit", customer().token()), 403);
        assertProblem(api.get("/admin/audit", agent().token()), 403);
    }
}
