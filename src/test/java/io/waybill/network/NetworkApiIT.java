package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static io.waybill.support.Eventually.eventually;

class NetworkApiIT extends ApiTest {

    @Test
    void shouldManageHubs() {
        String admin = admin().token();
        String name = "Hub " + UUID.randomUUID();

        Api.Response created = api.post("/admin/hubs", admin, Map.of("hub_name", name, "city", "Coimbatore",
                "address", "1 Avinashi Road", "latitude", 11.0168, "longitude", 76.9558));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/admin/hubs/" + id);
        assertThat(created.text("hub_name")).isEqualTo(name);
        assertThat(created.body().get("latitude").asDouble()).isEqualTo(11.0168);

        assertThat(api.get("/admin/hubs/" + id, admin).text("city")).isEqualTo("Coimbatore");
        Api.Response changed = api.put("/admin/hubs/" + id, admin, Map.of("address", "2 Avinashi Road"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("address")).isEqualTo("2 Avinashi Road");
        assertThat(changed.text("hub_name")).isEqualTo(name);

        Api.Response list = api.get("/admin/hubs?size=100", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(list.body().has("items")).isTrue();

        assertThat(api.delete("/admin/hubs/" + id, admin).status()).isEqualTo(204);
        assertProblem(api.get("/admin/hubs/" + id, admin), 404);
        assertProblem(api.delete("/admin/hubs/" + id, admin), 404);
    }

    /** Each change of a hub is announced, with the hub's state, in the transaction that makes it. */
    @Test
    void shouldAnnounceEveryChangeOfAHub() {
        String admin = admin().token();
        String name = "Hub " + UUID.randomUUID();
        String id = api.post("/admin/hubs", admin, Map.of("hub_name", name, "city", "Madurai")).text("id");
        api.put("/admin/hubs/" + id, admin, Map.of("city", "Tiruchirappalli"));
        api.put("/admin/hubs/" + id, admin, Map.of("hub_name", "No such hub " + UUID.randomUUID(), "city", ""));
        assertThat(api.delete("/admin/hubs/" + id, admin).status()).isEqualTo(204);

        List<String> announced = database().sql("""
                select envelope->>'type' || ' ' || coalesce(envelope->'payload'->>'hub_name', '-') || ' '
                    || coalesce(envelope->'payload'->>'city', '-')
                from eventing.outbox where event_key = ? order by id""").param(id).query(String.class).list();
        // The refused change (a blank city) announced nothing.
        assertThat(announced).containsExactly("hub.created " + name + " Madurai",
                "hub.updated " + name + " Tiruchirappalli", "hub.deleted - -");
        assertThat(database().sql("select count(*) from eventing.outbox where event_key = ? "
                + "and (envelope->'payload'->>'hub_id') = ? and (envelope->'payload'->>'occurred_at') is not null")
                .params(id, id).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void shouldRefuseBadOrDuplicateHubs() {
        String admin = admin().token();
        String name = "Hub " + UUID.randomUUID();
        assertThat(api.post("/admin/hubs", admin, Map.of("hub_name", name, "city", "Madurai")).status()).isEqualTo(201);

        assertProblem(api.post("/admin/hubs", admin, Map.of("hub_name", name.toUpperCase(), "city", "Madurai")), 409);
        assertProblem(api.post("/admin/hubs", admin, Map.of("hub_name", "No city")), 422);
        assertProblem(api.post("/admin/hubs", admin, Map.of("hub_name", "Bad", "city", "X", "latitude", 91)), 422);
        assertProblem(api.get("/admin/hubs/not-a-uuid", admin), 400);
    }

    @Test
    void shouldKeepHubsAndVehiclesForAdminsOnly() {
        Map<String, String> hub = Map.of("hub_name", "Hub " + UUID.randomUUID(), "city", "Salem");
        assertProblem(api.post("/admin/hubs", null, hub), 401);
        assertProblem(api.post("/admin/hubs", customer().token(), hub), 403);
        assertProblem(api.post("/admin/hubs", agent().token(), hub), 403);
        assertProblem(api.get("/admin/hubs", customer().token()), 403);
        assertProblem(api.get("/admin/vehicles", agent().token()), 403);
        assertProblem(api.get("/admin/vehicles", null), 401);
    }

    @Test
    void shouldManageVehiclesAtHubs() {
        String admin = admin().token();
        String hubId = api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + UUID.randomUUID(), "city", "Erode"))
                .text("id");
        String registration = "TN" + (System.nanoTime() % 100000000);

        Api.Response created = api.post("/admin/vehicles", admin, Map.of("registration_number", registration,
                "type", "van", "capacity_kg", 800, "hub_id", hubId));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("available");
        assertThat(created.text("type")).isEqualTo("van");
        assertThat(created.text("hub_id")).isEqualTo(hubId);

        assertProblem(api.post("/admin/vehicles", admin, Map.of("registration_number", registration.toLowerCase(),
                "type", "van", "capacity_kg", 800)), 409);
        assertProblem(api.post("/admin/vehicles", admin, Map.of("registration_number", "X1", "type", "rocket",
                "capacity_kg", 800)), 422);
        assertProblem(api.post("/admin/vehicles", admin, Map.of("registration_number", "X2", "type", "van")), 422);
        assertProblem(api.post("/admin/vehicles", admin, Map.of("registration_number", "X3", "type", "van",
                "capacity_kg", 10, "hub_id", UUID.randomUUID().toString())), 422);

        Api.Response changed = api.put("/admin/vehicles/" + id, admin, Map.of("status", "maintenance"));
        assertThat(changed.text("status")).isEqualTo("maintenance");
        assertThat(changed.text("type")).isEqualTo("van");
        assertThat(api.get("/admin/vehicles/" + id, admin).text("status")).isEqualTo("maintenance");
        assertThat(api.get("/admin/vehicles?size=5", admin).body().get("size").asInt()).isEqualTo(5);

        assertProblem(api.delete("/admin/hubs/" + hubId, admin), 409);
        assertThat(api.delete("/admin/vehicles/" + id, admin).status()).isEqualTo(204);
        assertProblem(api.get("/admin/vehicles/" + id, admin), 404);
        assertThat(api.delete("/admin/hubs/" + hubId, admin).status()).isEqualTo(204);
    }

    @Test
    void shouldRouteANewShipmentToTheHubOfItsSourceCity() {
        String admin = admin().token();
        String city = "Town" + UUID.randomUUID().toString().substring(0, 8);
        String hubId = api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + UUID.randomUUID(), "city", city))
                .text("id");
        Account customer = customer();

        Api.Response routed = api.post("/shipments", customer.token(),
                Map.of("source_address", "4 Main Road, " + city, "destination_address", "Bangalore"));
        Api.Response unrouted = api.post("/shipments", customer.token(),
                Map.of("source_address", "Nowhere" + UUID.randomUUID(), "destination_address", "Bangalore"));

        assertThat(routed.text("hub_id")).as("routing happens after the booking commits").isNull();
        eventually(() -> assertThat(api.get("/shipments/" + routed.text("id"), customer.token()).text("hub_id"))
                .isEqualTo(hubId));
        awaitEvents();
        assertThat(api.get("/shipments/" + unrouted.text("id"), customer.token()).text("hub_id")).isNull();
    }
}
