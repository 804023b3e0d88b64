package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin assigns vehicles to delivery agents of the carrier: one vehicle per agent, only vehicles in service. */
class VehicleAssignmentApiIT extends ApiTest {

    private String vehicle(String admin) {
        Api.Response created = api.post("/admin/vehicles", admin, Map.of("registration_number",
                "KA" + UUID.randomUUID().toString().substring(0, 8), "type", "bike", "capacity_kg", 40));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("agent_id").isNull()).isTrue();
        return created.text("id");
    }

    private Api.Response assign(String vehicle, String admin, Object agentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("agent_id", agentId == null ? null : agentId.toString());
        return api.put("/admin/vehicles/" + vehicle + "/agent", admin, body);
    }

    @Test
    void shouldAssignAVehicleToOneAgentAtATime() {
        String admin = admin().token();
        Account agent = agent();
        String first = vehicle(admin);
        String second = vehicle(admin);

        Api.Response assigned = assign(first, admin, agent.id());

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.text("agent_id")).isEqualTo(agent.id().toString());
        assertThat(api.get("/admin/vehicles/" + first, admin).text("agent_id")).isEqualTo(agent.id().toString());
        assertThat(assign(first, admin, agent.id()).status()).isEqualTo(200);
        Api.Response another = assign(second, admin, agent.id());
        assertProblem(another, 409);
        assertThat(another.text("detail")).contains("already drives");
        // Other changes keep the agent.
        Api.Response changed = api.put("/admin/vehicles/" + first, admin, Map.of("capacity_kg", 50));
        assertThat(changed.text("agent_id")).isEqualTo(agent.id().toString());

        Api.Response unassigned = assign(first, admin, null);

        assertThat(unassigned.status()).isEqualTo(200);
        assertThat(unassigned.body().get("agent_id").isNull()).isTrue();
        assertThat(assign(second, admin, agent.id()).status()).isEqualTo(200);
    }

    @Test
    void shouldAssignOnlyActiveAgentsOfTheCarrier() {
        String admin = admin().token();
        String vehicle = vehicle(admin);
        TenantAdmin other = newTenant();
        Account theirAgent = registerIn(other.slug(), "agent", other.admin().token());
        Account disabled = agent();
        api.json("PATCH", "/admin/users/" + disabled.id(), admin, Map.of("disabled", true), Map.of());

        assertProblem(assign(vehicle, admin, customer().id()), 422);
        assertProblem(assign(vehicle, admin, admin().id()), 422);
        assertProblem(assign(vehicle, admin, theirAgent.id()), 422);
        assertProblem(assign(vehicle, admin, disabled.id()), 422);
        assertProblem(assign(vehicle, admin, UUID.randomUUID()), 422);
        assertProblem(assign(vehicle, admin, "not-an-id"), 422);
        assertProblem(api.put("/admin/vehicles/" + vehicle + "/agent", admin, Map.of()), 422);
        assertProblem(assign(UUID.randomUUID().toString(), admin, agent().id()), 404);
        assertThat(api.get("/admin/vehicles/" + vehicle, admin).body().get("agent_id").isNull()).isTrue();
    }

    @Test
    void shouldKeepVehiclesOutOfServiceUnassigned() {
        String admin = admin().token();
        Account agent = agent();
        String vehicle = vehicle(admin);
        assertThat(api.put("/admin/vehicles/" + vehicle, admin, Map.of("status", "maintenance")).status())
                .isEqualTo(200);

        assertProblem(assign(vehicle, admin, agent.id()), 409);

        assertThat(api.put("/admin/vehicles/" + vehicle, admin, Map.of("status", "in_service")).status())
                .isEqualTo(200);
        assertThat(assign(vehicle, admin, agent.id()).status()).isEqualTo(200);
        Api.Response retire = api.put("/admin/vehicles/" + vehicle, admin, Map.of("status", "retired"));
        assertProblem(retire, 409);
        assertThat(retire.text("detail")).contains("unassign");
        assertThat(api.get("/admin/vehicles/" + vehicle, admin).text("status")).isEqualTo("in_service");
    }

    @Test
    void shouldFreeTheVehicleOfAnAgentWhoIsOneNoLonger() {
        String admin = admin().token();
        Account deleted = agent();
        Account promoted = agent();
        Account suspended = agent();
        String first = vehicle(admin);
        String second = vehicle(admin);
        String third = vehicle(admin);
        assertThat(assign(first, admin, deleted.id()).status()).isEqualTo(200);
        assertThat(assign(second, admin, promoted.id()).status()).isEqualTo(200);
        assertThat(assign(third, admin, suspended.id()).status()).isEqualTo(200);

        assertThat(api.delete("/admin/users/" + deleted.id(), admin).status()).isEqualTo(204);
        assertThat(api.json("PATCH", "/admin/users/" + promoted.id(), admin, Map.of("role", "admin"), Map.of())
                .status()).isEqualTo(200);
        assertThat(api.json("PATCH", "/admin/users/" + suspended.id(), admin, Map.of("disabled", true), Map.of())
                .status()).isEqualTo(200);
        awaitEvents();

        assertThat(api.get("/admin/vehicles/" + first, admin).body().get("agent_id").isNull()).isTrue();
        assertThat(api.get("/admin/vehicles/" + second, admin).body().get("agent_id").isNull()).isTrue();
        assertThat(api.get("/admin/vehicles/" + third, admin).text("agent_id")).isEqualTo(suspended.id().toString());
    }

    @Test
    void shouldKeepAssignmentForAdmins() {
        String vehicle = vehicle(admin().token());
        Account agent = agent();

        assertProblem(assign(vehicle, null, agent.id()), 401);
        assertProblem(assign(vehicle, agent.token(), agent.id()), 403);
        assertProblem(assign(vehicle, customer().token(), agent.id()), 403);
        assertProblem(assign(vehicle, platformOperator().token(), agent.id()), 403);
    }
}
