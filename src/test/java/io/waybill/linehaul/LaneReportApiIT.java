package io.waybill.linehaul;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The report's lanes, fed by line haul's bag events: bags and shipments sealed for a lane, and the
 * on-time rate of the bags that arrived with a due time (their flight's scheduled arrival).
 */
class LaneReportApiIT extends LineHaulFixtures {

    @Test
    void shouldReportBagsShipmentsAndTheOnTimeRatePerLane() {
        String admin = admin().token();
        String from = city("Lanefrom");
        String to = city("Laneto");
        String origin = hub(from);
        String destination = hub(to);
        Account customer = customer();
        Api.Response before = api.get("/admin/reports", admin);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body().get("total_shipments_today")).as("the existing fields stay").isNotNull();

        Instant now = Instant.now();
        // On time: its flight is due in an hour. Late: its flight landed, as scheduled, five hours ago.
        String onTime = carried(admin, origin, destination, List.of(routedShipment(customer, from),
                routedShipment(customer, from)), now.plus(1, ChronoUnit.HOURS), "311");
        String late = carried(admin, origin, destination, List.of(routedShipment(customer, from)),
                now.minus(5, ChronoUnit.HOURS), "312");
        // By road: arrived, but with no time to keep, so neither on time nor late.
        String road = carried(admin, origin, destination, List.of(routedShipment(customer, from)), null, null);
        for (String bag : List.of(onTime, late, road)) {
            assertThat(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "arrived")).status())
                    .isEqualTo(201);
        }

        eventually(() -> {
            JsonNode lane = lane(api.get("/admin/reports", admin).body(), origin, destination);
            assertThat(lane).as("the lane " + from + " -> " + to).isNotNull();
            assertThat(lane.get("origin_hub_name").asString()).isEqualTo("Hub of " + from);
            assertThat(lane.get("destination_hub_name").asString()).isEqualTo("Hub of " + to);
            assertThat(lane.get("bags").asLong()).isEqualTo(3);
            assertThat(lane.get("shipments").asLong()).isEqualTo(4);
            assertThat(lane.get("bags_arrived").asLong()).isEqualTo(3);
            assertThat(lane.get("arrivals_timed").asLong()).isEqualTo(2);
            assertThat(lane.get("arrivals_on_time").asLong()).isEqualTo(1);
            assertThat(lane.get("on_time_rate").asDouble()).isEqualTo(0.5);
        });
        assertThat(lane(api.get("/admin/reports?date=2020-01-01", admin).body(), origin, destination)).isNull();
        assertProblem(api.get("/admin/reports", customer.token()), 403);
    }

    /** A sealed bag of these shipments, on a flight due at {@code due} (none when null), dispatched. */
    private String carried(String admin, String origin, String destination, List<String> shipments, Instant due,
            String flightNumber) {
        Api.Response opened = openBag(admin, origin, destination);
        String bag = opened.text("id");
        assertThat(put(admin, bag, shipments.toArray(String[]::new)).status()).isEqualTo(200);
        assertThat(api.post("/bags/" + bag + "/seal", admin, Map.of()).status()).isEqualTo(200);
        if (due != null) {
            Api.Response flight = api.post("/flights", admin, Map.of("carrier_code", "AI", "flight_number",
                    flightNumber, "departure_airport", "DEL", "arrival_airport", "MAA", "scheduled_departure",
                    due.minus(2, ChronoUnit.HOURS).toString(), "scheduled_arrival", due.toString()));
            assertThat(flight.status()).as(flight.toString()).isEqualTo(201);
            assertThat(api.post("/flights/" + flight.text("id") + "/bags", admin,
                    Map.of("bags", List.of(opened.text("code")))).status()).isEqualTo(200);
        }
        assertThat(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "dispatched")).status())
                .isEqualTo(201);
        return bag;
    }

    private static JsonNode lane(JsonNode report, String origin, String destination) {
        for (JsonNode lane : report.get("lanes")) {
            if (lane.get("origin_hub_id").asString().equals(origin)
                    && lane.get("destination_hub_id").asString().equals(destination)) {
                return lane;
            }
        }
        return null;
    }
}
