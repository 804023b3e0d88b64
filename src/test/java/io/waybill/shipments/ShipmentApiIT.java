package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static io.waybill.support.Eventually.eventually;
import tools.jackson.databind.JsonNode;

class ShipmentApiIT extends ApiTest {

    @Test
    void shouldBookAShipmentWithATrackingNumberAndLocation() {
        Account customer = customer();

        Api.Response response = api.post("/shipments", customer.token(), Map.of(
                "source_address", "12 Anna Salai, Chennai", "destination_address", "Koramangala, Bangalore",
                "recipient_name", "Ravi", "recipient_phone", "+919000000000", "weight_kg", 2.5,
                "description", "Books"));

        assertThat(response.status()).isEqualTo(201);
        String id = response.text("id");
        assertThat(response.header("Location")).isEqualTo("/shipments/" + id);
        assertThat(response.text("tracking_number")).matches("TRK\\d{11}");
        assertThat(TrackingNumber.parse(response.text("tracking_number"))).isPresent();
        assertThat(response.text("status")).isEqualTo("created");
        assertThat(response.text("current_location")).isNull();
        assertThat(response.text("customer_id")).isEqualTo(customer.id().toString());
        assertThat(response.text("agent_id")).isNull();
        assertThat(response.body().get("weight_kg").asDouble()).isEqualTo(2.5);
        assertThat(response.text("recipient_name")).isEqualTo("Ravi");
        assertThat(response.text("created_at")).isEqualTo(response.text("updated_at"));
    }

    @Test
    void shouldRefuseBookingWithoutTokenOrAsAnAgent() {
        Map<String, String> body = Map.of("source_address", "Chennai", "destination_address", "Bangalore");
        assertProblem(api.post("/shipments", null, body), 401);
        assertProblem(api.post("/shipments", agent().token(), body), 403);
    }

    @Test
    void shouldLetAnAdminBookOnlyOnBehalfOfACustomer() {
        Account admin = admin();
        Account customer = customer();
        Map<String, String> body = Map.of("source_address", "Chennai", "destination_address", "Bangalore");

        Api.Response missing = api.post("/shipments", admin.token(), body);
        assertProblem(missing, 422);
        assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("customer_id");
        assertProblem(api.post("/shipments", admin.token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore", "customer_id", agent().id().toString())), 422);

        Api.Response booked = api.post("/shipments", admin.token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore", "customer_id", customer.id().toString()));
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.text("customer_id")).isEqualTo(customer.id().toString());
        assertThat(api.get("/shipments/" + booked.text("id"), customer.token()).status()).isEqualTo(200);
    }

    @Test
    void shouldNotLetACustomerBookForSomeoneElse() {
        assertProblem(api.post("/shipments", customer().token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore", "customer_id", customer().id().toString())), 403);
    }

    @Test
    void shouldRefuseInvalidBookingsWithTheFields() {
        String token = customer().token();

        Api.Response missing = api.post("/shipments", token, Map.of("source_address", " "));
        assertProblem(missing, 422);
        List<String> fields = new ArrayList<>();
        missing.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("source_address");

        assertProblem(api.post("/shipments", token, Map.of("source_address", "A", "destination_address", "B",
                "weight_kg", -1)), 422);
        assertProblem(api.post("/shipments", token, Map.of("source_address", "x".repeat(501),
                "destination_address", "B")), 422);
        assertProblem(api.post("/shipments", token, Map.of("source_address", "A", "destination_address", "B",
                "weight_kg", "heavy")), 400);
        assertProblem(api.send("POST", "/shipments", token, "application/json", "{\"source_address\": "), 400);
        assertProblem(api.send("POST", "/shipments", token, "text/plain", "Chennai to Bangalore"), 415);
        assertProblem(api.send("POST", "/shipments", token, "application/json", ""), 400);
    }

    @Test
    void shouldRefuseABookingWithALineBreakInAnAddress() {
        Account customer = customer();

        Api.Response response = api.post("/shipments", customer.token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore\r\nURGENT: your parcel is held, pay at https://evil.example"));

        assertProblem(response, 422);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("destination_address");
        assertThat(api.get("/shipments", customer.token()).body().get("total").asInt()).isZero();
    }

    @Test
    void shouldRefuseARecipientPhoneThatIsNotE164WhenBookingOrEditing() {
        Account customer = customer();

        Api.Response booking = api.post("/shipments", customer.token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore", "recipient_phone", "+91 90000 00000"));
        assertProblem(booking, 422);
        assertThat(booking.body().get("errors").get(0).get("field").asString()).isEqualTo("recipient_phone");

        String id = book(customer).text("id");
        Api.Response edit = api.put("/shipments/" + id, customer.token(), Map.of("recipient_phone", "call me"));
        assertProblem(edit, 422);
        assertThat(edit.body().get("errors").get(0).get("field").asString()).isEqualTo("recipient_phone");
    }

    @Test
    void shouldRefuseLineBreaksInAStatusLocationATrackingNoteAndAnEdit() {
        Account customer = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);

        Api.Response status = api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "Chennai\nURGENT: pay at https://evil.example"));
        assertProblem(status, 422);
        assertThat(status.body().get("errors").get(0).get("field").asString()).isEqualTo("location");
        Api.Response scan = api.post("/tracking/" + id, agent.token(),
                Map.of("location", "Chennai hub", "note", "ok\r\nINFO forged"));
        assertProblem(scan, 422);
        assertThat(scan.body().get("errors").get(0).get("field").asString()).isEqualTo("note");
        Api.Response edit = api.put("/shipments/" + id, customer.token(), Map.of("recipient_name", "Ravi\u0007"));
        assertProblem(edit, 422);
        assertThat(edit.body().get("errors").get(0).get("field").asString()).isEqualTo("recipient_name");

        assertThat(api.get("/tracking/" + id, customer.token()).body().size()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreFieldsAClientMayNotSet() {
        Account customer = customer();

        Api.Response response = api.post("/shipments", customer.token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore", "status", "delivered", "tracking_number", "TRK00000000000",
                "agent_id", UUID.randomUUID().toString()));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("status")).isEqualTo("created");
        assertThat(response.text("tracking_number")).isNotEqualTo("TRK00000000000");
        assertThat(response.text("agent_id")).isNull();
    }

    @Test
    void shouldListOnlyWhatEachCallerMaySee() {
        Account alice = customer();
        Account bob = customer();
        Account agent = agent();
        String alicesFirst = book(alice).text("id");
        String alicesSecond = book(alice).text("id");
        String bobs = book(bob).text("id");
        assign(alicesSecond, agent);

        assertThat(ids(api.get("/shipments", alice.token()))).containsExactly(alicesSecond, alicesFirst);
        assertThat(ids(api.get("/shipments", bob.token()))).containsExactly(bobs);
        assertThat(ids(api.get("/shipments", agent.token()))).containsExactly(alicesSecond);
        Api.Response all = api.get("/shipments?size=100", admin().token());
        assertThat(all.body().get("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldFilterAndPageTheList() {
        Account customer = customer();
        Account agent = agent();
        for (int i = 0; i < 3; i++) {
            book(customer);
        }
        String moving = book(customer).text("id");
        assign(moving, agent);
        api.put("/shipments/" + moving + "/status", agent.token(), Map.of("status", "picked_up", "location", "Chennai"));

        Api.Response created = api.get("/shipments?status=created", customer.token());
        assertThat(created.body().get("total").asLong()).isEqualTo(3);
        assertThat(ids(api.get("/shipments?status=picked_up", customer.token()))).containsExactly(moving);

        Api.Response page = api.get("/shipments?page=1&size=3", customer.token());
        assertThat(page.body().get("page").asInt()).isEqualTo(1);
        assertThat(page.body().get("size").asInt()).isEqualTo(3);
        assertThat(page.body().get("total").asLong()).isEqualTo(4);
        assertThat(page.body().get("items").size()).isEqualTo(1);

        assertThat(api.get("/shipments?size=1000", customer.token()).body().get("size").asInt()).isEqualTo(100);
        assertProblem(api.get("/shipments?status=lost", customer.token()), 400);
        assertProblem(api.get("/shipments?page=-1", customer.token()), 400);
        assertProblem(api.get("/shipments?size=abc", customer.token()), 400);
    }

    @Test
    void shouldShowAShipmentByIdOrTrackingNumberToItsOwnerOnly() {
        Account owner = customer();
        Api.Response booked = book(owner);
        String id = booked.text("id");
        String number = booked.text("tracking_number");

        assertThat(api.get("/shipments/" + id, owner.token()).text("tracking_number")).isEqualTo(number);
        assertThat(api.get("/shipments/" + number, owner.token()).text("id")).isEqualTo(id);
        assertThat(api.get("/shipments/" + id, admin().token()).status()).isEqualTo(200);

        Api.Response stranger = api.get("/shipments/" + id, customer().token());
        Api.Response unknown = api.get("/shipments/" + UUID.randomUUID(), owner.token());
        assertProblem(stranger, 404);
        assertProblem(unknown, 404);
        assertThat(stranger.text("detail")).isEqualTo(unknown.text("detail"));
        assertProblem(api.get("/shipments/" + number, agent().token()), 404);
        assertProblem(api.get("/shipments/" + id, null), 401);
    }

    @Test
    void shouldAnswerAWrongCheckDigitWithNotFound() {
        Account owner = customer();
        String number = book(owner).text("tracking_number");
        char last = number.charAt(number.length() - 1);
        String wrong = number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);

        assertProblem(api.get("/shipments/" + wrong, owner.token()), 404);
        assertProblem(api.get("/track/" + wrong, null), 404);
        assertProblem(api.get("/shipments/not-a-reference", owner.token()), 404);
    }

    @Test
    void shouldLetTheOwnerEditUntilDispatch() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");

        Api.Response edited = api.put("/shipments/" + id, owner.token(),
                Map.of("destination_address", "Mysore", "recipient_name", "Meera"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("destination_address")).isEqualTo("Mysore");
        assertThat(edited.text("source_address")).isEqualTo("Chennai");
        assertThat(edited.text("recipient_name")).isEqualTo("Meera");

        assertProblem(api.put("/shipments/" + id, customer().token(), Map.of("destination_address", "Goa")), 404);
        assertProblem(api.put("/shipments/" + id, owner.token(), Map.of("destination_address", " ")), 422);

        assign(id, agent);
        assertProblem(api.put("/shipments/" + id, agent.token(), Map.of("destination_address", "Goa")), 403);
        api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "picked_up", "location", "Chennai"));
        assertProblem(api.put("/shipments/" + id, owner.token(), Map.of("destination_address", "Goa")), 409);
        assertThat(api.get("/shipments/" + id, owner.token()).text("destination_address")).isEqualTo("Mysore");
    }

    @Test
    void shouldCancelBeforeDispatchAndKeepTheShipment() {
        Account owner = customer();
        String id = book(owner).text("id");

        assertProblem(api.delete("/shipments/" + id, customer().token()), 404);
        Api.Response cancelled = api.delete("/shipments/" + id, owner.token());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(api.get("/shipments/" + id, owner.token()).text("status")).isEqualTo("cancelled");
        assertProblem(api.delete("/shipments/" + id, owner.token()), 409);

        String byAdmin = book(owner).text("id");
        assertThat(api.delete("/shipments/" + byAdmin, admin().token()).text("status")).isEqualTo("cancelled");
    }

    @Test
    void shouldRefuseCancellationAfterDispatch() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");
        assign(id, agent);
        api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "in_transit", "location", "Salem"));

        assertProblem(api.delete("/shipments/" + id, owner.token()), 409);
        assertThat(api.get("/shipments/" + id, owner.token()).text("status")).isEqualTo("in_transit");
    }

    @Test
    void shouldLetOnlyTheAssignedAgentOrAnAdminChangeTheStatus() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");
        Map<String, String> move = Map.of("status", "picked_up", "location", "Chennai");

        assertProblem(api.put("/shipments/" + id + "/status", owner.token(), move), 403);
        // An agent who cannot see the shipment (not assigned yet, or another one) is told it does not exist.
        assertProblem(api.put("/shipments/" + id + "/status", agent.token(), move), 404);
        assertProblem(api.put("/shipments/" + id + "/status", null, move), 401);
        assign(id, agent);
        assertProblem(api.put("/shipments/" + id + "/status", agent().token(), move), 404);

        Api.Response moved = api.put("/shipments/" + id + "/status", agent.token(), move);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.text("status")).isEqualTo("picked_up");
        assertThat(moved.text("current_location")).isEqualTo("Chennai");

        Api.Response byAdmin = api.put("/shipments/" + id + "/status", admin().token(),
                Map.of("status", "in_transit", "location", "Salem Hub"));
        assertThat(byAdmin.text("status")).isEqualTo("in_transit");
    }

    @Test
    void shouldRefuseIllegalTransitionsAndBadStatusBodies() {
        Account agent = agent();
        String id = book(customer()).text("id");
        assign(id, agent);
        String path = "/shipments/" + id + "/status";

        Api.Response illegal = api.put(path, agent.token(), Map.of("status", "delivered", "location", "Bangalore"));
        assertProblem(illegal, 409);
        assertThat(illegal.text("detail")).contains("created").contains("delivered");

        Api.Response unknown = api.put(path, agent.token(), Map.of("status", "teleported", "location", "Mars"));
        assertProblem(unknown, 422);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("status");

        Api.Response noLocation = api.put(path, agent.token(), Map.of("status", "picked_up"));
        assertProblem(noLocation, 422);
        assertThat(noLocation.body().get("errors").get(0).get("field").asString()).isEqualTo("location");

        assertProblem(api.put(path, agent.token(), Map.of("location", "Chennai")), 422);
        assertProblem(api.put("/shipments/" + UUID.randomUUID() + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "Chennai")), 404);
    }

    @Test
    void shouldAssignOnlyActiveAgents() {
        String id = book(customer()).text("id");
        Account agent = agent();

        assertProblem(api.put("/shipments/" + id + "/assign-agent", customer().token(),
                Map.of("agent_id", agent.id().toString())), 403);
        assertProblem(api.put("/shipments/" + id + "/assign-agent", agent.token(),
                Map.of("agent_id", agent.id().toString())), 403);
        assertProblem(api.put("/shipments/" + id + "/assign-agent", admin().token(),
                Map.of("agent_id", customer().id().toString())), 422);
        assertProblem(api.put("/shipments/" + id + "/assign-agent", admin().token(),
                Map.of("agent_id", UUID.randomUUID().toString())), 422);
        assertProblem(api.put("/shipments/" + id + "/assign-agent", admin().token(), Map.of()), 422);
        assertProblem(api.put("/shipments/" + UUID.randomUUID() + "/assign-agent", admin().token(),
                Map.of("agent_id", agent.id().toString())), 404);

        Api.Response assigned = assign(id, agent);
        assertThat(assigned.text("agent_id")).isEqualTo(agent.id().toString());
    }

    @Test
    void shouldRecordTrackingUpdatesWithAndWithoutStatus() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");
        assign(id, agent);

        assertProblem(api.post("/tracking/" + id, owner.token(), Map.of("location", "Chennai")), 403);
        assertProblem(api.post("/tracking/" + id, agent().token(), Map.of("location", "Chennai")), 404);

        Api.Response pickedUp = api.post("/tracking/" + id, agent.token(),
                Map.of("location", "Chennai", "status", "picked_up", "note", "Collected at door"));
        assertThat(pickedUp.status()).isEqualTo(201);
        assertThat(pickedUp.text("status")).isEqualTo("picked_up");
        assertThat(pickedUp.text("location")).isEqualTo("Chennai");
        assertThat(pickedUp.text("note")).isEqualTo("Collected at door");
        assertThat(pickedUp.text("updated_at")).endsWith("Z");

        Api.Response scan = api.post("/tracking/" + id, agent.token(), Map.of("location", "Chennai Hub"));
        assertThat(scan.status()).isEqualTo(201);
        assertThat(scan.text("status")).isEqualTo("picked_up");

        assertProblem(api.post("/tracking/" + id, agent.token(), Map.of("location", "X", "status", "delivered")), 409);
        assertProblem(api.post("/tracking/" + id, agent.token(), Map.of("note", "no location")), 422);

        Api.Response shipment = api.get("/shipments/" + id, owner.token());
        assertThat(shipment.text("status")).isEqualTo("picked_up");
        assertThat(shipment.text("current_location")).isEqualTo("Chennai Hub");
    }

    @Test
    void shouldShowTheFullHistoryOldestFirstToThoseWhoMaySeeIt() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");
        assign(id, agent);
        api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "picked_up", "location", "Chennai"));
        api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "in_transit", "location", "Salem"));

        Api.Response history = api.get("/tracking/" + id, owner.token());

        assertThat(history.status()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        history.body().forEach(entry -> statuses.add(entry.get("status").asString()));
        assertThat(statuses).containsExactly("created", "picked_up", "in_transit");
        JsonNode last = history.body().get(2);
        assertThat(last.get("location").asString()).isEqualTo("Salem");
        assertThat(last.hasNonNull("id")).isTrue();
        assertThat(last.hasNonNull("updated_at")).isTrue();
        assertThat(api.get("/tracking/" + id, agent.token()).status()).isEqualTo(200);
        assertThat(api.get("/tracking/" + id, admin().token()).status()).isEqualTo(200);
        assertProblem(api.get("/tracking/" + id, customer().token()), 404);
        assertProblem(api.get("/tracking/" + id, agent().token()), 404);
        assertProblem(api.get("/tracking/" + id, null), 401);
    }

    @Test
    void shouldShowThePublicNothingPersonal() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = api.post("/shipments", owner.token(), Map.of("source_address", "12 Secret Street, Chennai",
                "destination_address", "7 Private Lane, Bangalore", "recipient_name", "Hidden Person",
                "recipient_phone", "+919999999999"));
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);
        api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "Chennai Hub", "note", "Handed over by Hidden Person"));

        eventually(() -> assertThat(api.get("/track/" + number, null).text("status")).isEqualTo("picked_up"));
        Api.Response page = api.get("/track/" + number, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("tracking_number")).isEqualTo(number);
        assertThat(page.text("status")).isEqualTo("picked_up");
        assertThat(page.text("current_location")).isEqualTo("Chennai Hub");
        assertThat(page.text("updated_at")).isNotNull();
        assertThat(page.body().get("events").size()).isEqualTo(2);
        assertThat(page.body().get("events").get(1).get("timestamp").asString()).isNotBlank();
        assertThat(page.raw()).doesNotContain("Secret").doesNotContain("Private").doesNotContain("Hidden")
                .doesNotContain("99999").doesNotContain(owner.id().toString()).doesNotContain(agent.id().toString())
                .doesNotContain(owner.email()).doesNotContain(id);
        assertThat(api.get("/track/" + number.toLowerCase(), null).status()).isEqualTo(200);
        assertProblem(api.get("/track/TRK12345678903", null), 404);
        assertProblem(api.get("/track/nonsense", null), 404);
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
