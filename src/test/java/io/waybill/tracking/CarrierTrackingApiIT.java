package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Public tracking names the carrier, the display name of the shipment's own tenant, from the tracking
 * module's copy fed by identity's events: on /track/{n}, /track/bulk and the /t/{n} page, renamed as
 * soon as the tenant's admin renames it, and never another tenant's.
 */
class CarrierTrackingApiIT extends ApiTest {

    @Test
    void shouldNameTheCarrierOfTheShipmentsOwnTenant() {
        TenantAdmin acme = newTenant();
        TenantAdmin other = newTenant();
        String acmeNumber = book(registerIn(acme.slug(), "customer", null)).text("tracking_number");
        String otherNumber = book(registerIn(other.slug(), "customer", null)).text("tracking_number");
        String defaultNumber = book(customer()).text("tracking_number");
        awaitEvents();

        // Known from the tenant's opening, before anyone changed a setting.
        assertThat(carrierOf(api.get("/track/" + acmeNumber, null).body())).isEqualTo("Company " + acme.slug());
        assertThat(carrierOf(api.get("/track/" + otherNumber, null).body())).isEqualTo("Company " + other.slug());
        assertThat(carrierOf(api.get("/track/" + defaultNumber, null).body()))
                .isEqualTo(api.get("/admin/tenant", admin().token()).text("display_name"));

        Api.Response bulk = api.post("/track/bulk", null, Map.of("tracking_numbers",
                List.of(acmeNumber, otherNumber, "TRK00000000000")));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        JsonNode results = bulk.body().get("results");
        assertThat(carrierOf(results.get(0).get("shipment"))).isEqualTo("Company " + acme.slug());
        assertThat(carrierOf(results.get(1).get("shipment"))).isEqualTo("Company " + other.slug());

        Api.Response page = api.send("GET", "/t/" + acmeNumber, null, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Company " + acme.slug()).doesNotContain("Company " + other.slug());
    }

    @Test
    void shouldShowTheNewNameOnceTheTenantsAdminRenamesIt() {
        TenantAdmin acme = newTenant();
        TenantAdmin other = newTenant();
        String number = book(registerIn(acme.slug(), "customer", null)).text("tracking_number");
        String othersNumber = book(registerIn(other.slug(), "customer", null)).text("tracking_number");
        awaitEvents();
        Api.Response before = api.get("/track/" + number, null);
        String etag = before.header("ETag");
        // Cached now: the rename must show on the cached page too.
        assertThat(api.get("/track/" + number, null).header("ETag")).isEqualTo(etag);

        String renamed = "Acme Express " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.json("PATCH", "/admin/tenant", acme.admin().token(), Map.of("display_name", renamed),
                Map.of()).status()).isEqualTo(200);
        assertThat(api.json("PATCH", "/admin/tenant", other.admin().token(), Map.of("display_name", "Not Acme"),
                Map.of()).status()).isEqualTo(200);
        awaitEvents();

        eventually(() -> assertThat(carrierOf(api.get("/track/" + number, null).body())).isEqualTo(renamed));
        Api.Response after = api.send("GET", "/track/" + number, null, null, null, Map.of("If-None-Match", etag));
        assertThat(after.status()).as("the old ETag no longer matches").isEqualTo(200);
        assertThat(after.raw()).doesNotContain("Not Acme");
        assertThat(carrierOf(api.get("/track/" + othersNumber, null).body())).isEqualTo("Not Acme");
        assertThat(carrierOf(api.post("/track/bulk", null, Map.of("tracking_numbers", List.of(number))).body()
                .get("results").get(0).get("shipment"))).isEqualTo(renamed);
        assertThat(api.send("GET", "/t/" + number, null, null, null).raw()).contains(renamed);
    }

    private static String carrierOf(JsonNode page) {
        return page.get("carrier").get("name").asString();
    }
}
