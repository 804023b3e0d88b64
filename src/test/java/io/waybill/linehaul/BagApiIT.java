package io.waybill.linehaul;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BagApiIT extends LineHaulFixtures {

    @Test
    void shouldCarryABagFromHubToHubWritingOneEntryOnEveryShipmentInside() {
        String admin = admin().token();
        String from = city("Bagfrom");
        String origin = hub(from);
        String destination = hub(city("Bagto"));
        Account customer = customer();
        List<String> shipments = List.of(routedShipment(customer, from), routedShipment(customer, from),
                routedShipment(customer, from));

        Api.Response opened = openBag(admin, origin, destination);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String bag = opened.text("id");
        String code = opened.text("code");
        assertThat(code).matches("BAG[0-9]{10}");
        assertThat(opened.header("Location")).isEqualTo("/bags/" + bag);
        assertThat(opened.text("status")).isEqualTo("open");

        Api.Response filled = put(admin, bag, shipments.toArray(String[]::new));
        assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
        assertThat(filled.body().get("shipment_count").asInt()).isEqualTo(3);
        Api.Response out = api.delete("/bags/" + bag + "/shipments/" + shipments.get(2), admin);
        assertThat(out.body().get("shipment_count").asInt()).isEqualTo(2);
        assertThat(put(admin, code, shipments.get(2)).body().get("shipment_count").asInt()).isEqualTo(3);

        Api.Response sealed = api.post("/bags/" + code + "/seal", admin, Map.of());
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(200);
        assertThat(sealed.text("status")).isEqualTo("sealed");
        Account agent = agent();
        assertThat(api.post("/bags/" + bag + "/assign", admin, Map.of("agent_id", agent.id().toString())).text(
                "agent_id")).isEqualTo(agent.id().toString());
        JsonNode carried = api.get("/courier/bags", agent.token()).body();
        assertThat(carried.size()).isEqualTo(1);
        assertThat(carried.get(0).get("code").asString()).isEqualTo(code);

        // The agent carrying it scans it: every shipment moves in transit at the origin hub, at once.
        Api.Response dispatched = api.post("/bags/" + code + "/scans", agent.token(), Map.of("event", "dispatched"));
        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(201);
        assertThat(dispatched.body().get("shipment_count").asInt()).isEqualTo(3);
        assertThat(dispatched.text("location")).isEqualTo("Hub of " + from);
        for (String shipment : shipments) {
            Api.Response seen = api.get("/shipments/" + shipment, customer.token());
            assertThat(seen.text("status")).isEqualTo("in_transit");
            assertThat(seen.text("current_location")).isEqualTo("Hub of " + from);
        }
        assertThat(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "arrived", "location", "Dock 4"))
                .status()).isEqualTo(201);
        assertThat(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "opened")).text("location"))
                .startsWith("Hub of Bagto");
        assertThat(api.get("/courier/bags", agent.token()).body().size()).isZero();

        List<String> history = database().sql("""
                select t.status || ' ' || t.location || ' ' || t.note from shipments.tracking_updates t
                join shipments.shipments s on s.id = t.shipment_id where s.id = ?::uuid and t.seq > 0 order by seq""")
                .param(shipments.get(0)).query(String.class).list();
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).isEqualTo("in_transit Hub of " + from + " Dispatched in bag " + code);
        assertThat(history.get(1)).isEqualTo("in_transit Dock 4 Arrived in bag " + code);
        assertThat(history.get(2)).startsWith("in_transit Hub of Bagto").endsWith("Bag " + code + " opened");

        // One event per shipment and per scan, through the outbox.
        assertThat(database().sql("select count(*) from eventing.outbox where topic = 'shipment.status.updated' "
                + "and event_key = any(?::text[]) and envelope->'payload'->>'status' = 'in_transit'")
                .param(shipments.toArray(String[]::new)).query(Long.class).single()).isEqualTo(9);
        assertThat(database().sql("select envelope->>'type' || ' ' || coalesce(envelope->'payload'->>'event', '') "
                + "|| ' ' || (envelope->'payload'->>'shipment_count') from eventing.outbox where event_key = ? "
                + "order by id").param(bag).query(String.class).list())
                .containsExactly("bag.sealed  3", "bag.scanned dispatched 3", "bag.scanned arrived 3",
                        "bag.scanned opened 3");

        // The public page shows the bag's entries, as any other.
        awaitEvents();
        String number = api.get("/shipments/" + shipments.get(0), customer.token()).text("tracking_number");
        JsonNode page = api.get("/track/" + number, null).body();
        assertThat(page.get("events").size()).isEqualTo(4);
        assertThat(page.get("events").toString()).contains("Hub of " + from).contains("Dock 4");

        // Opened, the bag no longer holds its shipments.
        assertThat(database().sql("select bool_or(held) from linehaul.bag_shipments where bag_id = ?::uuid").param(bag)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void shouldCarryTheCashOnDeliveryPaymentStatusInTheEventsOfABagScan() {
        String admin = admin().token();
        String from = city("Bagcod");
        String origin = hub(from);
        String destination = hub(city("Bagto"));
        Account customer = customer();
        String cod = routedCashOnDelivery(customer, from, 45000);
        String prepaid = routedShipment(customer, from);
        String bag = openBag(admin, origin, destination).text("id");
        assertThat(put(admin, bag, cod, prepaid).status()).isEqualTo(200);
        assertThat(api.post("/bags/" + bag + "/seal", admin, Map.of()).status()).isEqualTo(200);

        assertThat(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "dispatched")).status())
                .isEqualTo(201);
        assertThat(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "arrived")).status()).isEqualTo(201);

        // Every entry the bag wrote announces the payment as it is: pending for cash on delivery, none if prepaid.
        String payments = """
                select coalesce(envelope->'payload'->>'payment_status', 'none') from eventing.outbox
                where topic = 'shipment.status.updated' and event_key = ? and (envelope->'payload'->>'sequence')::int > 0
                order by id""";
        assertThat(database().sql(payments).param(cod).query(String.class).list()).containsExactly("pending", "pending");
        assertThat(database().sql(payments).param(prepaid).query(String.class).list()).containsExactly("none", "none");

        // The bag leaves the payment as it was: the owner still sees it due; the public page never shows it.
        JsonNode owned = api.get("/shipments/" + cod, customer.token()).body();
        assertThat(owned.get("status").asString()).isEqualTo("in_transit");
        assertThat(owned.get("payment").get("status").asString()).isEqualTo("pending");
        assertThat(owned.get("payment").get("amount_minor").asLong()).isEqualTo(45000);
        assertThat(api.get("/shipments/" + prepaid, customer.token()).body().get("payment").get("method")
                .asString()).isEqualTo("prepaid");
        awaitEvents();
        JsonNode page = api.get("/track/" + owned.get("tracking_number").asString(), null).body();
        assertThat(page.get("events").size()).isEqualTo(3);
        assertThat(page.toString()).doesNotContain("amount_minor").doesNotContain("cash_on_delivery");
    }

    @Test
    void shouldScanABagByItsCodeWhereParcelsAreScannedWithTheBagsRules() {
        String admin = admin().token();
        String from = city("Bagscan");
        String origin = hub(from);
        String destination = hub(city("Bagto"));
        Account customer = customer();
        List<String> shipments = List.of(routedShipment(customer, from), routedShipment(customer, from));
        Api.Response opened = openBag(admin, origin, destination);
        String bag = opened.text("id");
        String code = opened.text("code");
        assertThat(put(admin, bag, shipments.toArray(String[]::new)).status()).isEqualTo(200);
        Account carrier = agent();
        assertThat(api.post("/bags/" + bag + "/assign", admin, Map.of("agent_id", carrier.id().toString())).status())
                .isEqualTo(200);

        // Refused before the bag is looked up: a wrong check digit, no event, or what only a parcel's scan takes.
        String wrongCheckDigit = code.substring(0, 12) + (char) ('0' + (code.charAt(12) - '0' + 1) % 10);
        Api.Response misread = api.post("/scans", carrier.token(), Map.of("code", wrongCheckDigit));
        assertProblem(misread, 422);
        assertThat(misread.raw()).contains("check digit");
        assertProblem(api.post("/scans", carrier.token(), Map.of("code", code)), 422);
        assertProblem(api.post("/scans", carrier.token(), Map.of("code", code, "event", "lost")), 422);
        assertProblem(api.post("/scans", carrier.token(), Map.of("code", code, "event", "dispatched",
                "status", "in_transit")), 422);
        // Unknown, or not the caller's: not found; customers are refused by role, as for any scan.
        String unknown = BagCode.random(new java.util.Random()).value();
        assertProblem(api.post("/scans", admin, Map.of("code", unknown, "event", "dispatched")), 404);
        assertProblem(api.post("/scans", agent().token(), Map.of("code", code, "event", "dispatched")), 404);
        assertProblem(api.post("/scans", customer.token(), Map.of("code", code, "event", "dispatched")), 403);
        // Out of order, as on the bag's own endpoint: it is not sealed yet.
        assertProblem(api.post("/scans", carrier.token(), Map.of("code", code, "event", "dispatched")), 409);
        assertThat(api.post("/bags/" + bag + "/seal", admin, Map.of()).status()).isEqualTo(200);

        Api.Response scanned = api.post("/scans", carrier.token(), Map.of("code", code.toLowerCase(java.util.Locale.ROOT),
                "event", "dispatched", "lat", 28.55, "lon", 77.1));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        JsonNode scan = scanned.body().get("bag");
        assertThat(scan.get("id").asString()).isEqualTo(bag);
        assertThat(scan.get("code").asString()).isEqualTo(code);
        assertThat(scan.get("status").asString()).isEqualTo("dispatched");
        assertThat(scan.get("event").asString()).isEqualTo("dispatched");
        assertThat(scan.get("location").asString()).isEqualTo("Hub of " + from);
        assertThat(scan.get("shipment_count").asInt()).isEqualTo(2);
        assertThat(scanned.body().has("shipment_id")).isFalse();
        for (String shipment : shipments) {
            assertThat(api.get("/shipments/" + shipment, customer.token()).text("status")).isEqualTo("in_transit");
        }
        assertThat(api.get("/bags/" + bag, admin).text("status")).isEqualTo("dispatched");
        assertThat(database().sql("select count(*) from eventing.outbox where event_key = ? and topic = 'bag.scanned'")
                .param(bag).query(Long.class).single()).isEqualTo(1);
        assertThat(api.post("/scans", admin, Map.of("code", code, "event", "arrived", "location", "Dock 2"))
                .body().get("bag").get("location").asString()).isEqualTo("Dock 2");
    }

    @Test
    void shouldCarryAShipmentOnTwoLegsInTwoBagsThroughATransitHub() {
        String admin = admin().token();
        String delhi = city("Del");
        String origin = hub(delhi);
        String transit = hub(city("Bom"));
        String destination = hub(city("Maa"));
        Account customer = customer();
        String shipment = routedShipment(customer, delhi);
        String firstLeg = openBag(admin, origin, transit).text("id");
        assertThat(put(admin, firstLeg, shipment).status()).isEqualTo(200);
        assertThat(api.post("/bags/" + firstLeg + "/seal", admin, Map.of()).status()).isEqualTo(200);
        String secondLeg = openBag(admin, transit, destination).text("id");
        String code = api.get("/bags/" + secondLeg, admin).text("code");

        assertThat(api.post("/bags/" + firstLeg + "/scans", admin, Map.of("event", "dispatched")).status())
                .isEqualTo(201);
        // Not yet at the transit hub: on its way, then arrived but still in its bag.
        assertProblem(put(admin, secondLeg, shipment), 409);
        assertThat(api.post("/bags/" + firstLeg + "/scans", admin, Map.of("event", "arrived")).status())
                .isEqualTo(201);
        assertProblem(put(admin, secondLeg, shipment), 409);
        // A bag from elsewhere does not take it either, once its first bag is opened at the transit hub.
        assertThat(api.post("/bags/" + firstLeg + "/scans", admin, Map.of("event", "opened")).status())
                .isEqualTo(201);
        Api.Response wrongHub = put(admin, openBag(admin, origin, destination).text("id"), shipment);
        assertProblem(wrongHub, 409);
        assertThat(wrongHub.raw()).contains("opened at another hub");

        Api.Response nextLeg = put(admin, secondLeg, shipment);
        assertThat(nextLeg.status()).as(nextLeg.toString()).isEqualTo(200);
        assertThat(api.post("/bags/" + secondLeg + "/seal", admin, Map.of()).status()).isEqualTo(200);
        for (String event : List.of("dispatched", "arrived", "opened")) {
            assertThat(api.post("/bags/" + secondLeg + "/scans", admin, Map.of("event", event)).status())
                    .isEqualTo(201);
        }

        // Its timeline shows both legs, in order.
        List<String> history = database().sql("""
                select t.status || ' ' || t.location || ' ' || t.note from shipments.tracking_updates t
                where t.shipment_id = ?::uuid and t.seq > 0 order by seq""")
                .param(shipment).query(String.class).list();
        String firstCode = api.get("/bags/" + firstLeg, admin).text("code");
        assertThat(history).hasSize(6);
        assertThat(history.get(0)).isEqualTo("in_transit Hub of " + delhi + " Dispatched in bag " + firstCode);
        assertThat(history.get(1)).startsWith("in_transit Hub of Bom").endsWith("Arrived in bag " + firstCode);
        assertThat(history.get(2)).startsWith("in_transit Hub of Bom").endsWith("Bag " + firstCode + " opened");
        assertThat(history.get(3)).startsWith("in_transit Hub of Bom").endsWith("Dispatched in bag " + code);
        assertThat(history.get(4)).startsWith("in_transit Hub of Maa").endsWith("Arrived in bag " + code);
        assertThat(history.get(5)).startsWith("in_transit Hub of Maa").endsWith("Bag " + code + " opened");
        JsonNode timeline = api.get("/tracking/" + shipment, customer.token()).body();
        assertThat(timeline.size()).isEqualTo(7);
        assertThat(api.get("/shipments/" + shipment, customer.token()).text("current_location"))
                .startsWith("Hub of Maa");
    }

    @Test
    void shouldRefuseShipmentsNotWaitingAtTheOriginHubAndABagChangedAfterSealing() {
        String admin = admin().token();
        String from = city("Bagfrom");
        String origin = hub(from);
        String destination = hub(city("Bagto"));
        Account customer = customer();
        String waiting = routedShipment(customer, from);
        String elsewhere = book(customer).text("id");
        String left = routedShipment(customer, from);
        Account agent = agent();
        assign(left, agent);
        assertThat(move(left, agent, "in_transit", from).status()).isEqualTo(200);
        String bag = openBag(admin, origin, destination).text("id");

        assertProblem(put(admin, bag, elsewhere), 409);
        assertThat(put(admin, bag, elsewhere).raw()).contains("not routed to the bag's origin hub");
        assertProblem(put(admin, bag, left), 409);
        assertProblem(put(admin, bag, java.util.UUID.randomUUID().toString()), 422);
        assertProblem(api.post("/bags/" + bag + "/shipments", admin, Map.of()), 422);
        assertProblem(api.post("/bags/" + bag + "/seal", admin, Map.of()), 409);
        assertProblem(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "dispatched")), 409);
        assertThat(put(admin, bag, waiting).status()).isEqualTo(200);

        // A shipment is in one bag at a time.
        String second = openBag(admin, origin, destination).text("id");
        assertProblem(put(admin, second, waiting), 409);
        assertProblem(api.delete("/bags/" + second + "/shipments/" + waiting, admin), 404);

        assertThat(api.post("/bags/" + bag + "/seal", admin, Map.of()).status()).isEqualTo(200);
        assertProblem(put(admin, bag, waiting), 409);
        assertProblem(api.delete("/bags/" + bag + "/shipments/" + waiting, admin), 409);
        assertProblem(api.post("/bags/" + bag + "/seal", admin, Map.of()), 409);
        assertProblem(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "opened")), 409);
        assertProblem(api.post("/bags/" + bag + "/scans", admin, Map.of("event", "lost")), 422);

        // Scanning refuses all or nothing: a shipment that went out on its own stops the whole bag.
        Account courier = agent();
        assign(waiting, courier);
        assertThat(move(waiting, courier, "in_transit", from).status()).isEqualTo(200);
        assertThat(move(waiting, courier, "out_for_delivery", from).status()).isEqualTo(200);
        Api.Response refused = api.post("/bags/" + bag + "/scans", admin, Map.of("event", "dispatched"));
        assertProblem(refused, 409);
        assertThat(refused.raw()).contains("out_for_delivery");
        assertThat(api.get("/bags/" + bag, admin).text("status")).isEqualTo("sealed");
    }

    @Test
    void shouldKeepBagsFromCustomersAndAgentsNotCarryingThem() {
        String admin = admin().token();
        String from = city("Bagfrom");
        String origin = hub(from);
        String destination = hub(city("Bagto"));
        String bag = openBag(admin, origin, destination).text("id");
        Account agent = agent();

        assertProblem(api.get("/bags/" + bag, customer().token()), 404);
        assertProblem(api.get("/bags/" + bag, agent.token()), 404);
        assertProblem(api.post("/bags/" + bag + "/seal", customer().token(), Map.of()), 404);
        assertProblem(openBag(agent.token(), origin, destination), 403);
        assertProblem(openBag(customer().token(), origin, destination), 403);
        assertThat(api.post("/bags/" + bag + "/assign", admin, Map.of("agent_id", agent.id().toString())).status())
                .isEqualTo(200);
        assertThat(api.get("/bags/" + bag, agent.token()).status()).isEqualTo(200);
        assertProblem(api.post("/bags/" + bag + "/seal", agent.token(), Map.of()), 403);
        assertProblem(api.post("/bags/" + bag + "/assign", admin, Map.of("agent_id", customer().id().toString())),
                422);

        assertProblem(openBag(admin, origin, origin), 422);
        assertProblem(openBag(admin, origin, java.util.UUID.randomUUID().toString()), 422);
        assertProblem(api.get("/bags/BAG0000000001", admin), 422);
        assertProblem(api.get("/bags/not-a-bag", admin), 404);
    }
}
