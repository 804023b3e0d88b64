package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Proofs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant that chose the proofs of delivery it accepts (PATCH /admin/tenant, accepted_proofs) has
 * its deliveries refused on any other, with the same 422 as the deployment's own refusal; another
 * tenant, which chose none, keeps the deployment's.
 */
class TenantProofsApiIT extends ApiTest {

    @Test
    void shouldAcceptOnlyTheProofsTheShipmentsTenantChose() {
        TenantAdmin photosOnly = newTenant();
        TenantAdmin other = newTenant();
        Api.Response chosen = api.json("PATCH", "/admin/tenant", photosOnly.admin().token(),
                Map.of("accepted_proofs", List.of("photo")), Map.of());
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        awaitEvents();

        String photoShipment = outForDelivery(photosOnly);
        Api.Response signed = api.post("/shipments/" + photoShipment + "/proof-of-delivery", agentOf(photosOnly),
                Proofs.signature("Door"));
        assertProblem(signed, 422);
        assertThat(signed.body().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(signed.raw()).contains("only: photo");

        Map<String, Object> photo = Map.of("kind", "photo", "image", Proofs.base64(Proofs.image("jpg", 64, 48)),
                "received_by", "Ravi Kumar", "location", "Door");
        Api.Response photographed = api.post("/shipments/" + photoShipment + "/proof-of-delivery",
                agentOf(photosOnly), photo);
        assertThat(photographed.status()).as(photographed.toString()).isEqualTo(201);

        // Another tenant's choice is not this one's: it takes a signature, as the deployment does.
        String otherShipment = outForDelivery(other);
        Api.Response otherSigned = api.post("/shipments/" + otherShipment + "/proof-of-delivery", agentOf(other),
                Proofs.signature("Door"));
        assertThat(otherSigned.status()).as(otherSigned.toString()).isEqualTo(201);
    }

    @Test
    void shouldGoBackToTheDeploymentsProofsWithNullAndKeepThemWhenLeftOut() {
        TenantAdmin tenant = newTenant();
        String admin = tenant.admin().token();
        assertThat(patch("/admin/tenant", admin, "{\"accepted_proofs\": [\"photo\"]}").status()).isEqualTo(200);
        Api.Response renamed = patch("/admin/tenant", admin, "{\"display_name\": \"Photos Only\"}");
        assertThat(renamed.body().get("accepted_proofs").get(0).asString()).as("left out, kept").isEqualTo("photo");
        Api.Response empty = patch("/admin/tenant", admin, "{\"accepted_proofs\": []}");
        assertProblem(empty, 422);
        assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("accepted_proofs");
        assertThat(empty.raw()).contains("or be null for the deployment's");
        awaitEvents();
        String first = outForDelivery(tenant);
        assertProblem(api.post("/shipments/" + first + "/proof-of-delivery", agentOf(tenant),
                Proofs.signature("Door")), 422);

        Api.Response reset = patch("/admin/tenant", admin, "{\"accepted_proofs\": null}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.body().get("accepted_proofs").isNull()).as(reset.toString()).isTrue();
        assertThat(reset.body().get("display_name").asString()).isEqualTo("Photos Only");
        assertThat(api.get("/admin/tenant", admin).body().get("accepted_proofs").isNull()).isTrue();
        awaitEvents();
        Api.Response signed = api.post("/shipments/" + first + "/proof-of-delivery", agentOf(tenant),
                Proofs.signature("Door"));
        assertThat(signed.status()).as("the deployment's proofs again: a signature").isEqualTo(201);
    }

    @Test
    void shouldLetThePlatformOperatorPutATenantBackOnTheDeploymentsProofs() {
        TenantAdmin tenant = newTenant();
        String operator = platformOperator().token();
        String path = "/platform/tenants/" + tenant.tenantId();
        assertThat(patch(path, operator, "{\"accepted_proofs\": [\"otp\"]}").status()).isEqualTo(200);
        awaitEvents();
        String shipment = outForDelivery(tenant);
        assertProblem(api.post("/shipments/" + shipment + "/proof-of-delivery", agentOf(tenant),
                Proofs.signature("Door")), 422);

        Api.Response reset = patch(path, operator, "{\"accepted_proofs\": null}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.body().get("accepted_proofs").isNull()).isTrue();
        assertProblem(patch(path, operator, "{\"accepted_proofs\": []}"), 422);
        assertProblem(patch(path, tenant.admin().token(), "{\"accepted_proofs\": null}"), 403);
        awaitEvents();
        assertThat(api.post("/shipments/" + shipment + "/proof-of-delivery", agentOf(tenant),
                Proofs.signature("Door")).status()).isEqualTo(201);
    }

    private Api.Response patch(String path, String token, String json) {
        return api.json("PATCH", path, token, json, Map.of());
    }

    private final Map<String, Account> agents = new java.util.HashMap<>();

    private String agentOf(TenantAdmin tenant) {
        return agents.get(tenant.slug()).token();
    }

    /** A shipment of the tenant's customer, out for delivery with the tenant's agent. */
    private String outForDelivery(TenantAdmin tenant) {
        Account customer = registerIn(tenant.slug(), "customer", null);
        Account agent = agents.computeIfAbsent(tenant.slug(), slug -> registerIn(slug, "agent",
                tenant.admin().token()));
        String id = book(customer).text("id");
        Api.Response assigned = api.put("/shipments/" + id + "/assign-agent", tenant.admin().token(),
                Map.of("agent_id", agent.id().toString()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            Api.Response moved = move(id, agent, status, "Door");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        return id;
    }
}
