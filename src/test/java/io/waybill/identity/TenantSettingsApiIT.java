package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant's admin reads and changes its own tenant's settings (GET and PATCH /admin/tenant), a
 * platform operator any tenant's (PATCH /platform/tenants/{id}); every change is published and
 * audited, and nobody else reads or changes them.
 */
class TenantSettingsApiIT extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldLetATenantsAdminReadAndChangeItsOwnSettings() {
        TenantAdmin acme = newTenant();
        String admin = acme.admin().token();

        Api.Response before = api.get("/admin/tenant", admin);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.text("id")).isEqualTo(acme.tenantId().toString());
        assertThat(before.text("slug")).isEqualTo(acme.slug());
        assertThat(before.text("display_name")).isEqualTo("Company " + acme.slug());
        assertThat(before.body().get("sender_email").isNull()).isTrue();
        assertThat(before.body().get("accepted_proofs").isNull()).isTrue();

        Api.Response changed = patch("/admin/tenant", admin, Map.of("display_name", "  Acme Couriers ",
                "sender_email", "Dispatch@Acme.Example", "sender_name", "Acme Dispatch",
                "accepted_proofs", List.of("photo", "signature", "photo")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("display_name")).isEqualTo("Acme Couriers");
        assertThat(changed.text("sender_email")).isEqualTo("dispatch@acme.example");
        assertThat(changed.text("sender_name")).isEqualTo("Acme Dispatch");
        assertThat(changed.body().get("accepted_proofs").valueStream().map(node -> node.asString()))
                .containsExactly("signature", "photo");
        assertThat(api.get("/admin/tenant", admin).raw()).isEqualTo(changed.raw());
        assertThat(api.get("/platform/tenants/" + acme.tenantId(), platformOperator().token()).text("display_name"))
                .isEqualTo("Acme Couriers");

        // A field left out stays; a blank sender goes back to the deployment's.
        Api.Response partly = patch("/admin/tenant", admin, Map.of("sender_email", " "));
        assertThat(partly.status()).as(partly.toString()).isEqualTo(200);
        assertThat(partly.body().get("sender_email").isNull()).isTrue();
        assertThat(partly.text("sender_name")).isEqualTo("Acme Dispatch");
        assertThat(partly.text("display_name")).isEqualTo("Acme Couriers");

        // Published for the other modules' copies, whole, as the tenant's own event.
        List<String> published = settingsEvents(acme.tenantId());
        assertThat(published).hasSize(3);
        assertThat(published.get(0)).contains("\"display_name\": \"Company " + acme.slug() + "\"");
        assertThat(published.get(1)).contains("\"display_name\": \"Acme Couriers\"",
                "\"sender_email\": \"dispatch@acme.example\"", "\"accepted_proofs\": [\"signature\", \"photo\"]");
        assertThat(published.get(2)).contains("\"sender_email\": null", "\"sender_name\": \"Acme Dispatch\"");
        // And audited as the admin's action, in the tenant's own log.
        Api.Response audit = api.get("/admin/audit?action=PATCH%20/admin/tenant", admin);
        assertThat(audit.body().get("items").valueStream()
                .filter(entry -> entry.get("actor_id").asString().equals(acme.admin().id().toString())))
                .hasSize(2).allSatisfy(entry -> assertThat(entry.get("kind").asString()).isEqualTo("admin_action"));
    }

    @Test
    void shouldLetAPlatformOperatorChangeAnyTenantsSettings() {
        TenantAdmin acme = newTenant();
        String operator = platformOperator().token();

        Api.Response changed = patch("/platform/tenants/" + acme.tenantId(), operator,
                Map.of("display_name", "Acme by the operator", "accepted_proofs", List.of("otp")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("id")).isEqualTo(acme.tenantId().toString());
        assertThat(changed.body().get("accepted_proofs").valueStream().map(node -> node.asString()))
                .containsExactly("otp");
        Api.Response seen = api.get("/admin/tenant", acme.admin().token());
        assertThat(seen.text("display_name")).isEqualTo("Acme by the operator");
        assertThat(settingsEvents(acme.tenantId())).last().asString().contains("Acme by the operator");
        assertProblem(patch("/platform/tenants/" + UUID.randomUUID(), operator, Map.of("display_name", "Nobody")),
                404);
        assertBadField(patch("/platform/tenants/" + acme.tenantId(), operator, Map.of("display_name", "")),
                "display_name");
    }

    @Test
    void shouldRefuseBadValuesNamingTheField() {
        TenantAdmin acme = newTenant();
        String admin = acme.admin().token();

        assertBadField(patch("/admin/tenant", admin, Map.of("display_name", "  ")), "display_name");
        assertBadField(patch("/admin/tenant", admin, Map.of("display_name", "Acme\nPay now at evil.example")),
                "display_name");
        assertBadField(patch("/admin/tenant", admin, Map.of("display_name", "x".repeat(201))), "display_name");
        assertBadField(patch("/admin/tenant", admin, Map.of("sender_email", "nobody")), "sender_email");
        assertBadField(patch("/admin/tenant", admin, Map.of("sender_name", "Acme\r\nBcc: all@example.com")),
                "sender_name");
        assertBadField(patch("/admin/tenant", admin, Map.of("accepted_proofs", List.of())), "accepted_proofs");
        assertBadField(patch("/admin/tenant", admin, Map.of("accepted_proofs", List.of("signature", "fax"))),
                "accepted_proofs");
        assertProblem(api.send("PATCH", "/admin/tenant", admin, "application/json", "{\"accepted_proofs\": \"otp\"}"),
                400);

        // A change to what is already there is no change.
        Api.Response same = patch("/admin/tenant", admin, Map.of("display_name", "Company " + acme.slug()));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);

        // Nothing of the refused changes was kept, nor published.
        Api.Response settings = api.get("/admin/tenant", admin);
        assertThat(settings.text("display_name")).isEqualTo("Company " + acme.slug());
        assertThat(settings.body().get("accepted_proofs").isNull()).isTrue();
        assertThat(settingsEvents(acme.tenantId())).hasSize(1);
    }

    @Test
    void shouldLetNobodyButTheTenantsAdminsReadOrChangeItsSettings() {
        TenantAdmin acme = newTenant();
        TenantAdmin other = newTenant();
        Account acmeCustomer = registerIn(acme.slug(), "customer", null);
        Account acmeAgent = registerIn(acme.slug(), "agent", acme.admin().token());
        Map<String, Object> change = Map.of("display_name", "Taken over");

        for (String token : new String[] {acmeCustomer.token(), acmeAgent.token(), platformOperator().token()}) {
            assertProblem(api.get("/admin/tenant", token), 403);
            assertProblem(patch("/admin/tenant", token, change), 403);
        }
        assertProblem(api.get("/admin/tenant", null), 401);
        assertProblem(patch("/admin/tenant", null, change), 401);
        // A tenant's admin is no platform operator: another tenant's settings are out of its reach.
        for (String token : new String[] {other.admin().token(), acme.admin().token(), admin().token(),
                acmeCustomer.token()}) {
            assertProblem(patch("/platform/tenants/" + acme.tenantId(), token, change), 403);
        }
        assertProblem(patch("/platform/tenants/" + acme.tenantId(), null, change), 401);

        // Another tenant's admin reads and changes its own tenant only.
        Api.Response others = patch("/admin/tenant", other.admin().token(), Map.of("display_name", "Other Couriers"));
        assertThat(others.text("id")).isEqualTo(other.tenantId().toString());
        Api.Response acmes = api.get("/admin/tenant", acme.admin().token());
        assertThat(acmes.text("display_name")).isEqualTo("Company " + acme.slug());
        assertThat(acmes.raw()).doesNotContain("Other Couriers").doesNotContain(other.tenantId().toString());
    }

    private Api.Response patch(String path, String token, Map<String, Object> body) {
        return api.json("PATCH", path, token, new HashMap<>(body), Map.of());
    }

    private static void assertBadField(Api.Response response, String field) {
        assertProblem(response, 422);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    /** The payloads of the tenant's tenant.settings_changed events, oldest first. */
    private List<String> settingsEvents(UUID tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select envelope -> 'payload' from eventing.outbox "
                + "where topic = 'tenant.settings_changed' and event_key = ? order by id")
                .param(tenant.toString()).query(String.class).list());
    }
}
