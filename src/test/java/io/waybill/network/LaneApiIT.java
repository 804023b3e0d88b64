package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LaneApiIT extends ApiTest {

    @Test
    void shouldManageLanesAndAnnounceEachChange() {
        String admin = admin().token();
        String from = unique("Origin");
        String to = unique("Destination");

        Api.Response created = api.post("/admin/lanes", admin, Map.of("origin_city", from, "destination_city", to,
                "standard_transit_days", 3, "express_transit_days", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/admin/lanes/" + id);
        assertThat(created.body().get("standard_transit_days").asInt()).isEqualTo(3);
        assertThat(created.body().get("express_transit_days").asInt()).isEqualTo(1);

        assertThat(api.get("/admin/lanes/" + id, admin).text("origin_city")).isEqualTo(from);
        Api.Response changed = api.put("/admin/lanes/" + id, admin, Map.of("standard_transit_days", 4));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("standard_transit_days").asInt()).isEqualTo(4);
        assertThat(changed.text("destination_city")).isEqualTo(to);
        assertThat(api.get("/admin/lanes?size=100", admin).body().get("total").asLong()).isPositive();

        assertThat(api.delete("/admin/lanes/" + id, admin).status()).isEqualTo(204);
        assertProblem(api.get("/admin/lanes/" + id, admin), 404);
        assertProblem(api.delete("/admin/lanes/" + id, admin), 404);
        assertProblem(api.put("/admin/lanes/" + id, admin, Map.of("standard_transit_days", 4)), 404);

        List<String> announced = database().sql("""
                select envelope->>'type' || ' ' || coalesce(envelope->'payload'->>'standard_transit_days', '-')
                from eventing.outbox where event_key = ? order by id""").param(id).query(String.class).list();
        assertThat(announced).containsExactly("lane.created 3", "lane.updated 4", "lane.deleted -");
    }

    @Test
    void shouldRefuseASecondLaneBetweenTheSameCitiesWhateverTheirCase() {
        String admin = admin().token();
        String from = unique("Origin");
        String to = unique("Destination");
        assertThat(api.post("/admin/lanes", admin, lane(from, to, 2, 1)).status()).isEqualTo(201);

        assertProblem(api.post("/admin/lanes", admin, lane(from.toUpperCase(), " " + to.toLowerCase(), 5, 2)), 409);
        // The way back is a lane of its own.
        assertThat(api.post("/admin/lanes", admin, lane(to, from, 2, 1)).status()).isEqualTo(201);
        String other = api.post("/admin/lanes", admin, lane(from, unique("Elsewhere"), 2, 1)).text("id");
        assertProblem(api.put("/admin/lanes/" + other, admin, Map.of("destination_city", to)), 409);
    }

    @Test
    void shouldRefuseInvalidLanesNamingTheField() {
        String admin = admin().token();
        String from = unique("Origin");
        assertInvalid(api.post("/admin/lanes", admin, Map.of("destination_city", "X", "standard_transit_days", 2,
                "express_transit_days", 1)), "origin_city");
        assertInvalid(api.post("/admin/lanes", admin, lane(from, "Y", 2, 3)), "express_transit_days");
        assertInvalid(api.post("/admin/lanes", admin, lane(from, "Y", 61, 1)), "standard_transit_days");
        assertInvalid(api.post("/admin/lanes", admin, lane(from, "Y", -1, 0)), "standard_transit_days");
        assertInvalid(api.post("/admin/lanes", admin, Map.of("origin_city", from, "destination_city", "Y",
                "standard_transit_days", 2)), "express_transit_days");
        assertProblem(api.get("/admin/lanes/not-a-uuid", admin), 400);
    }

    @Test
    void shouldKeepLanesForAdminsOnly() {
        Map<String, Object> body = lane(unique("Origin"), unique("Destination"), 2, 1);
        assertProblem(api.post("/admin/lanes", null, body), 401);
        assertProblem(api.post("/admin/lanes", customer().token(), body), 403);
        assertProblem(api.post("/admin/lanes", agent().token(), body), 403);
        assertProblem(api.get("/admin/lanes", customer().token()), 403);
    }

    @Test
    void shouldGiveHubsATimeZoneDefaultingToTheDeploymentsAndRefuseABadOne() {
        String admin = admin().token();
        Api.Response kolkata = api.post("/admin/hubs", admin, Map.of("hub_name", unique("Hub"), "city",
                unique("Town"), "time_zone", "Asia/Kolkata"));
        assertThat(kolkata.text("time_zone")).isEqualTo("Asia/Kolkata");
        Api.Response plain = api.post("/admin/hubs", admin, Map.of("hub_name", unique("Hub"), "city", unique("Town")));
        assertThat(plain.text("time_zone")).isEqualTo("UTC");
        assertThat(api.put("/admin/hubs/" + plain.text("id"), admin, Map.of("time_zone", "Europe/Berlin"))
                .text("time_zone")).isEqualTo("Europe/Berlin");

        assertInvalid(api.post("/admin/hubs", admin, Map.of("hub_name", unique("Hub"), "city", "X",
                "time_zone", "Asia/Chennai")), "time_zone");
        assertInvalid(api.put("/admin/hubs/" + plain.text("id"), admin, Map.of("time_zone", "+05:30")), "time_zone");
        assertThat(database().sql("select envelope->'payload'->>'time_zone' from eventing.outbox where event_key = ? "
                + "order by id").param(plain.text("id")).query(String.class).list())
                .containsExactly("UTC", "Europe/Berlin");
    }

    private void assertInvalid(Api.Response response, String field) {
        assertProblem(response, 422);
        assertThat(response.raw()).contains(field);
    }

    private static Map<String, Object> lane(String from, String to, int standard, int express) {
        return Map.of("origin_city", from, "destination_city", to, "standard_transit_days", standard,
                "express_transit_days", express);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
