package io.waybill.linehaul;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Eventually;
import java.util.List;
import java.util.Map;

/** Cash-on-delivery shipments and bags' contents, made over the API as an admin and a customer would. */
abstract class LineHaulFixtures extends ApiTest {

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

    protected Api.Response put(String admin, String bag, String... shipments) {
        return api.post("/bags/" + bag + "/shipments", admin, Map.of("shipment_ids", List.of(shipments)));
    }
}
