package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminUserApiIT extends ApiTest {

    @Test
    void shouldListUsersByRoleWithoutPasswordHashes() {
        Account agent = agent();
        String admin = admin().token();

        Api.Response agents = api.get("/admin/users?role=agent&size=100", admin);

        assertThat(agents.status()).isEqualTo(200);
        List<String> roles = new ArrayList<>();
        agents.body().get("items").forEach(user -> roles.add(user.get("role").asString()));
        assertThat(roles).isNotEmpty().containsOnly("agent");
        assertThat(agents.raw()).doesNotContain("password").doesNotContain("$2a$").doesNotContain("{bcrypt}");
        Api.Response all = api.get("/admin/users?size=1", admin);
        assertThat(all.body().get("items").size()).isEqualTo(1);
        assertThat(all.body().get("total").asLong()).isGreaterThan(1);
        assertProblem(api.get("/admin/users?role=pilot", admin), 400);
        assertThat(agent.id()).isNotNull();
    }

    @Test
    void shouldKeepUserAdministrationForAdmins() {
        assertProblem(api.get("/admin/users", null), 401);
        assertProblem(api.get("/admin/users", customer().token()), 403);
        assertProblem(api.get("/admin/users", agent().token()), 403);
        assertProblem(api.delete("/admin/users/" + customer().id(), customer().token()), 403);
    }

    @Test
    void shouldDeleteAUserAtOnceButKeepTheirShipments() {
        Account customer = customer();
        String shipment = book(customer).text("id");
        assertThat(api.get("/auth/me", customer.token()).status()).isEqualTo(200);

        assertThat(api.delete("/admin/users/" + customer.id(), admin().token()).status()).isEqualTo(204);

        assertProblem(api.get("/auth/me", customer.token()), 401);
        assertProblem(api.get("/shipments", customer.token()), 401);
        assertProblem(api.post("/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD)), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
        Api.Response kept = api.get("/shipments/" + shipment, admin().token());
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.text("customer_id")).isEqualTo(customer.id().toString());
        assertProblem(api.delete("/admin/users/" + customer.id(), admin().token()), 404);
        assertProblem(api.delete("/admin/users/" + UUID.randomUUID(), admin().token()), 404);
    }

    @Test
    void shouldFreeTheEmailOfADeletedUser() {
        Account customer = customer();
        api.delete("/admin/users/" + customer.id(), admin().token());

        Api.Response again = api.post("/auth/register", null, Map.of("email", customer.email(), "password", PASSWORD));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isNotEqualTo(customer.id().toString());
    }

    @Test
    void shouldNotLetAnAdminDeleteThemselves() {
        Account admin = admin();
        assertProblem(api.delete("/admin/users/" + admin.id(), admin.token()), 409);
    }
}
