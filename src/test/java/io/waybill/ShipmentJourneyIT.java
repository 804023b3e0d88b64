package io.waybill;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.waybill.support.Eventually.eventually;

/**
 * The story of one parcel over real HTTP: a customer books it, an admin gives it to an agent, the
 * agent carries it through to delivery, and at every step the customer and the public tracking
 * page see where it is.
 */
class ShipmentJourneyIT extends ApiTest {

    @Test
    void shouldCarryAShipmentFromBookingToDeliveryInEveryonesSight() {
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = api.post("/shipments", customer.token(), Map.of(
                "source_address", "Chennai", "destination_address", "Bangalore", "recipient_name", "Kiran"));
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        seenAs(customer, id, number, "created", null);

        assertThat(api.put("/shipments/" + id + "/assign-agent", admin().token(),
                Map.of("agent_id", agent.id().toString())).text("agent_id")).isEqualTo(agent.id().toString());
        assertThat(api.get("/shipments", agent.token()).body().get("items").get(0).get("id").asString()).isEqualTo(id);

        String[][] steps = {
                {"picked_up", "Chennai"},
                {"in_transit", "Chennai Hub"},
                {"in_transit", "Salem Hub"},
                {"out_for_delivery", "Bangalore Hub"},
                {"delivery_failed", "Koramangala"},
                {"out_for_delivery", "Bangalore Hub"},
                {"delivered", "Koramangala"}};
        for (String[] step : steps) {
            Api.Response moved = move(id, agent, step[0], step[1]);
            assertThat(moved.status()).as(moved.toString()).isBetween(200, 201);
            seenAs(customer, id, number, step[0], step[1]);
        }

        Api.Response history = api.get("/tracking/" + id, customer.token());
        List<String> statuses = new ArrayList<>();
        history.body().forEach(entry -> statuses.add(entry.get("status").asString()));
        assertThat(statuses).containsExactly("created", "picked_up", "in_transit", "in_transit", "out_for_delivery",
                "delivery_failed", "out_for_delivery", "delivered");
        eventually(() -> assertThat(api.get("/track/" + number, null).body().get("events").size()).isEqualTo(8));

        assertProblem(api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "returned", "location", "Bangalore Hub")), 409);
        assertProblem(api.delete("/shipments/" + id, customer.token()), 409);
    }

    private void seenAs(Account customer, String id, String number, String status, String location) {
        Api.Response own = api.get("/shipments/" + id, customer.token());
        assertThat(own.text("status")).isEqualTo(status);
        assertThat(own.text("current_location")).isEqualTo(location);
        eventually(() -> {
            Api.Response publicPage = api.get("/track/" + number, null);
            assertThat(publicPage.text("status")).isEqualTo(status);
            assertThat(publicPage.text("current_location")).isEqualTo(location);
        });
    }
}
