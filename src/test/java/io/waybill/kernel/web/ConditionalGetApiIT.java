package io.waybill.kernel.web;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cheap polling: a shipment and a public tracking page carry a strong ETag of their body; sending it
 * back in If-None-Match is answered 304 without a body until the answer changes.
 */
class ConditionalGetApiIT extends ApiTest {

    @Test
    void shouldAnswerAnUnchangedShipment304AndAChangedOneWithANewTag() {
        Account customer = customer();
        String id = book(customer).text("id");

        Api.Response first = api.get("/shipments/" + id, customer.token());
        String etag = first.header("ETag");
        Api.Response unchanged = ifNoneMatch("/shipments/" + id, customer.token(), etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(first.header("Cache-Control")).contains("private").contains("no-cache");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.raw()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        assertThat(api.put("/shipments/" + id, customer.token(), Map.of("description", "Shoes")).status())
                .isEqualTo(200);
        Api.Response changed = ifNoneMatch("/shipments/" + id, customer.token(), etag);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("description")).isEqualTo("Shoes");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void shouldNotTellAnotherCustomerThatATagMatches() {
        Account owner = customer();
        String id = book(owner).text("id");
        String etag = api.get("/shipments/" + id, owner.token()).header("ETag");

        Api.Response stranger = ifNoneMatch("/shipments/" + id, customer().token(), etag);

        assertProblem(stranger, 404);
        assertThat(stranger.header("ETag")).isNull();
    }

    @Test
    void shouldLetPublicTrackingBeCachedBrieflyAndRevalidated() {
        Account customer = customer();
        Api.Response booked = book(customer);
        String number = booked.text("tracking_number");

        Api.Response first = api.get("/track/" + number, null);
        String etag = first.header("ETag");
        Api.Response unchanged = ifNoneMatch("/track/" + number, null, etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=5, public");
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.raw()).isEmpty();

        Account agent = agent();
        assign(booked.text("id"), agent);
        assertThat(api.put("/shipments/" + booked.text("id") + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "São Paulo, Zürich-Straße")).status()).isEqualTo(200);
        eventually(() -> {
            Api.Response changed = ifNoneMatch("/track/" + number, null, etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.text("status")).isEqualTo("picked_up");
            assertThat(changed.text("current_location")).isEqualTo("São Paulo, Zürich-Straße");
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
        });
    }

    @Test
    void shouldTagNoRefusal() {
        Api.Response unknown = api.get("/track/TRK0000000000", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("ETag")).isNull();
    }

    @Test
    void shouldDocumentIfNoneMatchAnd304AndTheIdempotencyKey() {
        JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");

        for (String path : List.of("/track/{trackingNumber}", "/shipments/{id}")) {
            JsonNode get = paths.get(path).get("get");
            assertThat(get.get("responses").has("304")).as(path).isTrue();
            assertThat(get.get("parameters").findValuesAsString("name")).as(path).contains("If-None-Match");
        }
        for (String[] write : List.of(new String[] {"/shipments", "post"}, new String[] {"/webhooks", "post"},
                new String[] {"/tracking/{id}", "post"}, new String[] {"/shipments/{id}/status", "put"})) {
            assertThat(paths.get(write[0]).get(write[1]).get("parameters").findValuesAsString("name"))
                    .as(write[0]).contains("Idempotency-Key");
        }
        assertThat(paths.get("/shipments").get("get").get("parameters").findValuesAsString("name"))
                .contains("updated_since", "cursor");
    }

    private Api.Response ifNoneMatch(String path, String token, String etag) {
        return api.send("GET", path, token, null, null, Map.of("If-None-Match", etag));
    }
}
