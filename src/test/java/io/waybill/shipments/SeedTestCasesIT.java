package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three integration test cases of the seed document, as written there. */
class SeedTestCasesIT extends ApiTest {

    @Test
    void test_create_shipment() {
        Account customer = customer();

        Api.Response response = api.post("/shipments", customer.token(),
                Map.of("source_address", "Chennai", "destination_address", "Bangalore"));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void test_update_status() {
        Account agent = agent();
        String id = book(customer()).text("id");
        assign(id, agent);

        Api.Response response = api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "in_transit", "location", "Salem"));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void test_cancel_shipment() {
        Account customer = customer();
        String id = book(customer).text("id");

        Api.Response response = api.delete("/shipments/" + id, customer.token());

        assertThat(response.status()).isEqualTo(200);
    }
}
