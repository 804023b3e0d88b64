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
