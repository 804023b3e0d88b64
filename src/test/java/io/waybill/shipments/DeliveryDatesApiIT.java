package io.waybill.shipments;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Proofs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Service levels, promised and estimated delivery dates with their revisions, and local times: over
 * HTTP, with lanes and hub zones reaching the shipments module through the network's events.
 */
class DeliveryDatesApiIT extends ApiTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void shouldPromiseTheLanesDaysPerServiceLevelAndTheDefaultWithoutALane() {
        String admin = admin().token();
        String from = unique("Origin");
        String to = unique("Destination");
        hub(admin, from, "Asia/Kolkata");
        lane(admin, from, to, 3, 1);
        awaitEvents();
        Account customer = customer();

        Api.Response standard = book(customer, "4 Main Road, " + from, "9 Beach Road, " + to, null);
        assertThat(standard.text("service_level")).isEqualTo("standard");
        assertThat(date(standard, "promised_delivery_date")).isEqualTo(bookedOn(standard, KOLKATA).plusDays(3));
        assertThat(date(standard, "estimated_delivery")).isEqualTo(date(standard, "promised_delivery_date"));

        Api.Response express = book(customer, from, to, "express");
        assertThat(express.text("service_level")).isEqualTo("express");
        assertThat(date(express, "promised_delivery_date")).isEqualTo(bookedOn(express, KOLKATA).plusDays(1));

        // No lane the other way, nor from a city without one: the defaults (5 and 2 days), in UTC there.
        Api.Response back = book(customer, "Nowhere" + UUID.randomUUID(), to, null);
        assertThat(date(back, "promised_delivery_date")).isEqualTo(bookedOn(back, ZoneId.of("UTC")).plusDays(5));
        Api.Response backExpress = book(customer, to, from, "EXPRESS");
        assertThat(date(backExpress, "promised_delivery_date"))
                .isEqualTo(bookedOn(backExpress, ZoneId.of("UTC")).plusDays(2));

        Api.Response refused = api.post("/shipments", customer.token(), Map.of("source_address", from,
                "destination_address", to, "service_level", "overnight"));
        assertProblem(refused, 422);
        assertThat(refused.raw()).contains("service_level");

        Api.Response one = api.get("/shipments/" + standard.text("id"), customer.token());
        assertThat(one.body().get("estimate_revisions")).hasSize(1);
        assertThat(one.body().get("estimate_revisions").get(0).get("reason").asString()).isEqualTo("booked");
        JsonNode listed = api.get("/shipments?size=10", customer.token()).body().get("items").get(0);
        assertThat(listed.has("promised_delivery_date")).isTrue();
        assertThat(listed.has("estimate_revisions")).as("revisions only when one shipment is read").isFalse();
    }

    @Test
    void shouldReviseTheEstimateOnScansAndAFailedAttemptKeepingEachRevision() {
        String admin = admin().token();
        String from = unique("Origin");
        String to = unique("Destination");
        hub(admin, to, "Asia/Kolkata");
        lane(admin, from, to, 3, 1);
        awaitEvents();
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = book(customer, from, to, null);
        String id = booked.text("id");
        LocalDate promised = date(booked, "promised_delivery_date");
        assign(id, agent);

        move(agent, id, "picked_up", from);
        move(agent, id, "in_transit", to + " hub");
        Api.Response out = move(agent, id, "out_for_delivery", to + " hub");
        LocalDate outDay = localDate(out.text("updated_at"), KOLKATA);
        assertThat(date(out, "estimated_delivery")).isEqualTo(outDay);
        Api.Response failed = move(agent, id, "delivery_failed", "9 Beach Road, " + to);
        LocalDate failedDay = localDate(failed.text("updated_at"), KOLKATA);
        assertThat(date(failed, "estimated_delivery")).as("a failed attempt adds a day").isEqualTo(failedDay.plusDays(1));
        assertThat(date(failed, "promised_delivery_date")).as("the promise stays").isEqualTo(promised);

        JsonNode revisions = api.get("/shipments/" + id, customer.token()).body().get("estimate_revisions");
        List<String> reasons = new ArrayList<>();
        revisions.forEach(revision -> reasons.add(revision.get("reason").asString()));
        assertThat(reasons).containsExactly("booked", "out_for_delivery", "delivery_failed");
        assertThat(LocalDate.parse(revisions.get(2).get("previous_estimate").asString())).isEqualTo(outDay);
        assertThat(revisions.get(2).get("sequence").asInt()).as("booking 0 ... the failed attempt 4").isEqualTo(4);

        eventually(() -> {
            Api.Response page = api.get("/track/" + booked.text("tracking_number"), null);
            assertThat(page.text("promised_delivery_date")).isEqualTo(promised.toString());
            assertThat(page.text("estimated_delivery")).isEqualTo(failedDay.plusDays(1).toString());
        });

        // Out again, and delivered on a proof: the delivered entry is at the proof's position, in the zone
        // of its place, and the estimate becomes the day it happened there, as for any delivery.
        move(agent, id, "out_for_delivery", to + " hub");
        Map<String, Object> proof = new HashMap<>(Proofs.signature("9 Beach Road, " + to));
        proof.put("latitude", 13.05);
        proof.put("longitude", 80.28);
        Api.Response proven = api.post("/shipments/" + id + "/proof-of-delivery", agent.token(), proof);
        assertThat(proven.status()).as(proven.toString()).isEqualTo(201);

        JsonNode history = api.get("/tracking/" + id, customer.token()).body();
        JsonNode delivered = history.get(history.size() - 1);
        assertThat(delivered.get("status").asString()).isEqualTo("delivered");
        assertThat(delivered.get("time_zone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(delivered.get("lat").asDouble()).isEqualTo(13.05);
        assertThat(delivered.get("lon").asDouble()).isEqualTo(80.28);
        LocalDate deliveredDay = localDate(delivered.get("updated_at").asString(), KOLKATA);
        Api.Response shipment = api.get("/shipments/" + id, customer.token());
        assertThat(date(shipment, "estimated_delivery")).isEqualTo(deliveredDay);
        assertThat(date(shipment, "promised_delivery_date")).isEqualTo(promised);
        eventually(() -> {
            Api.Response page = api.get("/track/" + booked.text("tracking_number"), null);
            assertThat(page.text("status")).isEqualTo("delivered");
            assertThat(page.text("estimated_delivery")).isEqualTo(deliveredDay.toString());
            assertThat(page.text("received_by")).isEqualTo("R. K.");
            JsonNode events = page.body().get("events");
            assertThat(events.get(events.size() - 1).get("time_zone").asString()).isEqualTo("Asia/Kolkata");
        });
    }

    @Test
    void shouldShowEachEntryInTheLocalTimeOfItsPlace() {
        String admin = admin().token();
        String city = unique("Chennaitown");
        hub(admin, city, "Asia/Kolkata");
        awaitEvents();
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = book(customer, "7 Anna Salai, " + city, "Bangalore", null);
        String id = booked.text("id");
        assign(id, agent);

        Api.Response atHub = api.post("/tracking/" + id, agent.token(), Map.of("location", city + " hub"));
        assertThat(atHub.status()).as(atHub.toString()).isEqualTo(201);
        assertThat(atHub.text("time_zone")).isEqualTo("Asia/Kolkata");
        assertThat(atHub.text("local_time")).endsWith("+05:30")
                .startsWith(Instant.parse(atHub.text("updated_at")).atZone(KOLKATA).toLocalDateTime().toString()
                        .substring(0, 16));
        Api.Response sent = api.post("/tracking/" + id, agent.token(), Map.of("location", "Somewhere on the road",
                "time_zone", "Europe/Berlin"));
        assertThat(sent.text("time_zone")).isEqualTo("Europe/Berlin");
        Api.Response unknown = api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "picked_up",
                "location", "Nowhere" + UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(200);

        Api.Response badZone = api.post("/tracking/" + id, agent.token(), Map.of("location", city,
                "time_zone", "Asia/Chennai"));
        assertProblem(badZone, 422);
        assertThat(badZone.raw()).contains("time_zone");
        assertProblem(api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "in_transit",
                "location", city, "time_zone", "+05:30")), 422);

        JsonNode history = api.get("/tracking/" + id, customer.token()).body();
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("time_zone").asString()).as("booked from the hub's city").isEqualTo("Asia/Kolkata");
        assertThat(history.get(3).get("time_zone").asString()).as("the deployment's zone").isEqualTo("UTC");
        assertThat(history.get(3).get("local_time").asString()).endsWith("Z");

        eventually(() -> {
            JsonNode events = api.get("/track/" + booked.text("tracking_number"), null).body().get("events");
            assertThat(events).hasSize(4);
            assertThat(events.get(1).get("time_zone").asString()).isEqualTo("Asia/Kolkata");
            assertThat(events.get(1).get("local_time").asString()).isEqualTo(atHub.text("local_time"));
            assertThat(events.get(1).get("timestamp").asString()).isNotBlank();
            assertThat(events.get(2).get("time_zone").asString()).isEqualTo("Europe/Berlin");
            assertThat(events.get(2).get("local_time").asString()).isEqualTo(sent.text("local_time"));
        });
    }

    @Test
    void shouldPromiseFromTheLaneAsChangedOrRemovedByTheBookingAfterTheChange() {
        // The shipments module keeps the lanes in memory: a change must reach the very next booking once
        // its event is handled, not only when the kept copy grows old.
        String admin = admin().token();
        String from = unique("Origin");
        String to = unique("Destination");
        Api.Response lane = api.post("/admin/lanes", admin, Map.of("origin_city", from, "destination_city", to,
                "standard_transit_days", 3, "express_transit_days", 1));
        assertThat(lane.status()).as(lane.toString()).isEqualTo(201);
        String laneId = lane.text("id");
        awaitEvents();
        Account customer = customer();
        Api.Response before = book(customer, from, to, null);
        assertThat(date(before, "promised_delivery_date")).isEqualTo(bookedOn(before, ZoneId.of("UTC")).plusDays(3));

        assertThat(api.put("/admin/lanes/" + laneId, admin, Map.of("standard_transit_days", 6)).status()).isEqualTo(200);
        awaitEvents();
        Api.Response changed = book(customer, from, to, null);
        assertThat(date(changed, "promised_delivery_date")).isEqualTo(bookedOn(changed, ZoneId.of("UTC")).plusDays(6));

        assertThat(api.delete("/admin/lanes/" + laneId, admin).status()).isEqualTo(204);
        awaitEvents();
        Api.Response removed = book(customer, from, to, null);
        assertThat(date(removed, "promised_delivery_date")).as("the default without a lane")
                .isEqualTo(bookedOn(removed, ZoneId.of("UTC")).plusDays(5));
    }

    private Api.Response book(Account customer, String from, String to, String serviceLevel) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("source_address", from, "destination_address", to));
        if (serviceLevel != null) {
            body.put("service_level", serviceLevel);
        }
        Api.Response booked = api.post("/shipments", customer.token(), body);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked;
    }

    /** ApiTest's move (delivery_failed with a reason), checked; not for delivered, which answers the proof. */
    private Api.Response move(Account agent, String id, String status, String location) {
        Api.Response moved = move(id, agent, status, location);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved;
    }

    private void hub(String admin, String city, String zone) {
        assertThat(api.post("/admin/hubs", admin, Map.of("hub_name", unique("Hub"), "city", city, "time_zone", zone))
                .status()).isEqualTo(201);
    }

    private void lane(String admin, String from, String to, int standard, int express) {
        assertThat(api.post("/admin/lanes", admin, Map.of("origin_city", from, "destination_city", to,
                "standard_transit_days", standard, "express_transit_days", express)).status()).isEqualTo(201);
    }

    private static LocalDate date(Api.Response response, String field) {
        return LocalDate.parse(response.text(field));
    }

    private static LocalDate bookedOn(Api.Response booked, ZoneId zone) {
        return localDate(booked.text("created_at"), zone);
    }

    private static LocalDate localDate(String instant, ZoneId zone) {
        return Instant.parse(instant).atZone(zone).toLocalDate();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
