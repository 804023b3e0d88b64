package io.waybill.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.shipments.DailyFigures;
import io.waybill.shipments.ShipmentStatistics;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The event-fed report against a recount from the shipments' own tables, after a randomized run of
 * bookings, hub routings, status changes, scans and cancellations. A database of its own, so that
 * everything in it went through the events.
 */
@DirtiesContext
class ReportRecountIT extends ApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IsolatedDatabase.register(registry, "recount");
    }

    @Autowired
    private ShipmentStatistics recount;

    @Test
    void shouldEqualARecountFromTheBaseTablesAfterARandomizedRun() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String admin = admin().token();
        List<String> cities = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String city = "City" + UUID.randomUUID().toString().substring(0, 6);
            cities.add(city);
            api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + city, "city", city));
        }
        List<Account> customers = List.of(customer(), customer(), customer());
        List<Account> agents = List.of(agent(), agent());
        int deliveredFirstTime = 0;
        int delivered = 0;

        for (int n = 0; n < 40; n++) {
            Account customer = customers.get(random.nextInt(customers.size()));
            String source = random.nextInt(4) == 0 ? "Village " + n : "7 Street, " + cities.get(random.nextInt(3));
            Api.Response booked = api.post("/shipments", customer.token(),
                    Map.of("source_address", source, "destination_address", "Somewhere"));
            assertThat(booked.status()).isEqualTo(201);
            String id = booked.text("id");
            if (random.nextInt(6) == 0) {
                assertThat(api.delete("/shipments/" + id, customer.token()).status()).isEqualTo(200);
                continue;
            }
            Account agent = agents.get(random.nextInt(agents.size()));
            assign(id, agent);
            ShipmentStatus status = ShipmentStatus.CREATED;
            boolean failedOnce = false;
            int steps = random.nextInt(9);
            for (int step = 0; step < steps && !status.isFinal(); step++) {
                if (random.nextInt(5) == 0) {
                    assertThat(api.post("/tracking/" + id, agent.token(), Map.of("location", "Scan " + step))
                            .status()).isEqualTo(201);
                    continue;
                }
                List<ShipmentStatus> next = new ArrayList<>(status.nextAllowed());
                next.remove(ShipmentStatus.CANCELLED);
                if (next.isEmpty()) {
                    break;
                }
                status = next.get(random.nextInt(next.size()));
                Api.Response moved = move(id, agent, status.wireName(), "Place " + step);
                assertThat(moved.status()).as(moved.toString()).isBetween(200, 201);
                failedOnce |= status == ShipmentStatus.DELIVERY_FAILED;
                if (status == ShipmentStatus.DELIVERY_FAILED) {
                    // The last allowed failed attempt returns the shipment by itself.
                    status = ShipmentStatus.fromWire(moved.text("status")).orElseThrow();
                }
                if (status == ShipmentStatus.DELIVERED) {
                    delivered++;
                    deliveredFirstTime += failedOnce ? 0 : 1;
                }
            }
        }
        awaitEvents();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode report = api.get("/admin/reports", admin).body();
        // Recounted as the admin's (the default) tenant's work, whose shipments the run booked.
        DailyFigures truth = TenantContext.callAs(TenantContext.DEFAULT, () -> recount.dailyFigures(today));
        String context = "seed " + seed + ": " + report;

        assertThat(report.get("total_shipments_today").asLong()).as(context).isEqualTo(truth.booked()).isEqualTo(40);
        for (ShipmentStatus status : ShipmentStatus.values()) {
            assertThat(report.get("by_status").get(status.wireName()).asLong()).as(context + " " + status)
                    .isEqualTo(truth.inStatus(status));
        }
        Map<String, DailyFigures.HubFigures> hubs = new HashMap<>();
        truth.byHub().forEach((hub, figures) -> hubs.put(hub.toString(), figures));
        for (JsonNode line : report.get("by_hub")) {
            DailyFigures.HubFigures expected = hubs.getOrDefault(line.get("hub_id").asString(),
                    new DailyFigures.HubFigures(0, 0));
            assertThat(line.get("shipments_booked").asLong()).as(context).isEqualTo(expected.booked());
            assertThat(line.get("delivered").asLong()).as(context).isEqualTo(expected.delivered());
        }
        JsonNode performance = report.get("delivery_performance");
        assertThat(performance.get("delivered").asLong()).as(context).isEqualTo(delivered)
                .isEqualTo(truth.inStatus(ShipmentStatus.DELIVERED));
        if (delivered > 0) {
            assertThat(performance.get("first_attempt_rate").asDouble()).as(context)
                    .isCloseTo((double) deliveredFirstTime / delivered, org.assertj.core.data.Offset.offset(0.001));
            assertThat(performance.get("p90_hours").asDouble()).as(context).isEqualTo(0.25);
        }
        assertThat(report.get("new_users").asLong()).as(context).isEqualTo(1 + 3 + 2);
    }
}
