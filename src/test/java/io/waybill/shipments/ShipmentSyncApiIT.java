package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Syncing a customer's shipments: what changed since an instant, oldest change first, page after
 * page by cursor; and the newest-first list paged by cursor as by number.
 */
class ShipmentSyncApiIT extends ApiTest {

    @Test
    void shouldSyncEveryChangeAcrossPagesByCursorWhileShipmentsChange() {
        Account customer = customer();
        Instant since = Instant.now().minusSeconds(1);
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            booked.add(book(customer).text("id"));
        }
        // Hub routing changes a booking a moment later: let it settle, so that only this test's change moves one.
        awaitEvents();
        String updatedSince = "updated_since=" + since;

        Api.Response first = api.get("/shipments?size=3&" + updatedSince, customer.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().get("page").asInt()).isZero();
        assertThat(first.body().get("total").asInt()).isEqualTo(7);
        List<String> seen = new ArrayList<>(ids(first));
        assertThat(seen).hasSize(3);
        String changedOne = seen.get(0);

        Api.Response second = api.get("/shipments?size=3&" + updatedSince + "&cursor="
                + first.text("next_cursor"), customer.token());
        assertThat(second.body().get("page").isNull()).isTrue();
        assertThat(second.body().get("total").isNull()).isTrue();
        seen.addAll(ids(second));

        // A shipment already synced changes: it comes again, after the others.
        assertThat(api.put("/shipments/" + changedOne, customer.token(), Map.of("description", "Changed"))
                .status()).isEqualTo(200);
        Api.Response third = api.get("/shipments?size=3&" + updatedSince + "&cursor="
                + second.text("next_cursor"), customer.token());
        seen.addAll(ids(third));
        assertThat(third.body().get("next_cursor").isNull()).isTrue();

        assertThat(seen).hasSize(8);
        assertThat(seen.subList(0, 7)).containsExactlyInAnyOrderElementsOf(booked);
        assertThat(seen.get(7)).isEqualTo(changedOne);
        assertThat(third.body().get("items").get(1).get("description").asString()).isEqualTo("Changed");
        List<Instant> changes = new ArrayList<>();
        for (Api.Response page : List.of(first, second, third)) {
            page.body().get("items").forEach(item -> changes.add(Instant.parse(item.get("updated_at").asString())));
        }
        assertThat(changes).isSorted();
    }

    @Test
    void shouldPageTheNewestFirstListByCursorAsByNumber() {
        Account customer = customer();
        for (int i = 0; i < 7; i++) {
            book(customer);
        }
        List<String> byNumber = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            byNumber.addAll(ids(api.get("/shipments?size=3&page=" + page, customer.token())));
        }

        List<String> byCursor = new ArrayList<>();
        Api.Response page = api.get("/shipments?size=3", customer.token());
        byCursor.addAll(ids(page));
        int pages = 1;
        while (!page.body().get("next_cursor").isNull()) {
            page = api.get("/shipments?size=3&cursor=" + page.text("next_cursor"), customer.token());
            byCursor.addAll(ids(page));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(byCursor).hasSize(7).containsExactlyElementsOf(byNumber);
    }

    @Test
    void shouldShowACursorsFollowerOnlyTheirOwnShipments() {
        Account owner = customer();
        for (int i = 0; i < 3; i++) {
            book(owner);
        }
        String cursor = api.get("/shipments?size=1", owner.token()).text("next_cursor");

        Api.Response stranger = api.get("/shipments?size=1&cursor=" + cursor, customer().token());

        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.body().get("items")).isEmpty();
    }

    @Test
    void shouldRefuseACursorOrInstantItDidNotGiveOut() {
        Account customer = customer();
        book(customer);
        book(customer);
        String newestCursor = api.get("/shipments?size=1", customer.token()).text("next_cursor");
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1|x|2026-01-01T00:00:00Z|not-a-uuid".getBytes(StandardCharsets.UTF_8));

        for (String query : List.of("cursor=garbage!", "cursor=" + forged, "cursor=dGVzdA",
                "cursor=" + newestCursor + "&page=1", "cursor=" + newestCursor + "&updated_since=2026-01-01T00:00:00Z",
                "updated_since=yesterday", "updated_since=" + URLEncoder.encode("2026-01-01 10:00", StandardCharsets.UTF_8))) {
            Api.Response refused = api.get("/shipments?" + query, customer.token());
            assertProblem(refused, 400);
        }
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.body().get("items")) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }
}
