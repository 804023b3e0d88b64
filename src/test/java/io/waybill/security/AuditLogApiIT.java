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
