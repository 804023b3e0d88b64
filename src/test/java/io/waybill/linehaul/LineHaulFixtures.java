package io.waybill.linehaul;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Eventually;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hubs, routed shipments and bags, made over the API as an admin and a customer would. */
abstract class LineHaulFixtures extends ApiTest {

    /** A hub in a city of its own; answers its id once the shipments module's copy knows it. */
    protected String hub(String city) {
        Api.Response hub = api.post("/admin/hubs", admin().token(), Map.of("hub_name", "Hub of " + city, "city", city));
        assertThat(hub.status()).as(hub.toString()).isEqualTo(201);
        awaitEvents();
        return hub.text("id");
    }

    protected static String city(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A shipment booked from this city, once routed to its hub. */
    protected String routedShipment(Account customer, String city) {
        Api.Response booked = api.post("/shipments", customer.token(),
                Map.of("source_address", city, "destination_address", "Bangalore"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        Eventually.eventually(() -> assertThat(api.get("/shipments/" + id, customer.token()).text("hub_id"))
                .isNotNull());
        return id;
    }

    /** A cash-on-delivery shipment booked from this city, once routed to its hub. */
    protected String routedCashOnDelivery(Account customer, String city, long amountMinor) {
        Api.Response booked = api.post("/shipments", customer.token(), Map.of("source_address", city,
                "destination_address", "Bangalore", "payment",
                Map.of("method", "cash_on_delivery", "amount_minor", amountMinor, "currency", "INR")));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        Eventually.eventually(() -> assertThat(api.get("/shipments/" + id, customer.token()).text("hub_id"))
                .isNotNull());
        return id;
    }

    protected Api.Response openBag(String admin, String origin, String destination) {
        return api.post("/bags", admin, Map.of("origin_hub_id", origin, "destination_hub_id", destination));
    }

    protected Api.Response put(String admin, String bag, String... shipments) {
        return api.post("/bags/" + bag + "/shipments", admin, Map.of("shipment_ids", List.of(shipments)));
    }
}
