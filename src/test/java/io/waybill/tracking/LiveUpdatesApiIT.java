package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Live updates on one instance (in-process fan-out): an SSE stream follows a shipment's whole life in
 * order, a socket receives only what its caller may see, the public follows one shipment redacted,
 * and every way in refuses what it must.
 */
class LiveUpdatesApiIT extends ApiTest {

    private static final List<String[]> LIFECYCLE = List.of(new String[] {"picked_up", "Chennai"},
            new String[] {"in_transit", "Salem"}, new String[] {"in_transit", "Hosur"},
            new String[] {"out_for_delivery", "Bangalore"}, new String[] {"delivered", "Bangalore"});

    @Test
    void shouldStreamTheWholeLifecycleOfAShipmentInOrderOverSse() {
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = book(customer);
        String id = booked.text("id");
        assign(id, agent);
        try (LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                customer.token())) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            eventually(() -> assertThat(stream.events).hasSize(1));
            for (String[] step : LIFECYCLE) {
                assertThat(move(id, agent, step[0], step[1]).status()).isBetween(200, 201);
            }
            eventually(Duration.ofSeconds(5), () -> assertThat(stream.events).hasSize(6));
            assertThat(stream.events).extracting(e -> e.get("status").asString()).containsExactly("created",
                    "picked_up", "in_transit", "in_transit", "out_for_delivery", "delivered");
            assertThat(stream.events).extracting(e -> e.get("sequence").asInt()).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(stream.events.get(5).get("location").asString()).isEqualTo("Bangalore");
            assertThat(stream.events.get(5).get("shipment_id").asString()).isEqualTo(id);
        }
    }

    @Test
    void shouldDeliverAChangeWithinASecond() {
        Account customer = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);
        try (LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                customer.token())) {
            eventually(() -> assertThat(stream.events).hasSize(1));
            long started = System.nanoTime();
            api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "picked_up", "location", "A"));
            eventually(Duration.ofSeconds(1), () -> assertThat(stream.events).hasSize(2));
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
        }
    }

    @Test
    void shouldSendACustomerSocketOnlyTheirOwnShipments() {
        Account alice = customer();
        Account bob = customer();
        Account agent = agent();
        try (LiveClients.Socket aliceSocket = LiveClients.socket(port(), "?access_token=" + alice.token())
                .awaitSubscribed();
                LiveClients.Socket bobSocket = LiveClients.socket(port(), "");
                LiveClients.Socket agentSocket = LiveClients.socket(port(), "?access_token=" + agent.token())
                        .awaitSubscribed()) {
            bobSocket.send("{\"type\":\"auth\",\"token\":\"" + bob.token() + "\"}");
            bobSocket.awaitSubscribed();
            String aliceNumber = book(alice).text("tracking_number");
            Api.Response bobs = book(bob);
            assign(bobs.text("id"), agent);
            api.put("/shipments/" + bobs.text("id") + "/status", agent.token(),
                    Map.of("status", "picked_up", "location", "Chennai"));

            eventually(() -> assertThat(aliceSocket.updatesOf(aliceNumber)).hasSize(1));
            eventually(() -> assertThat(bobSocket.updatesOf(bobs.text("tracking_number"))).hasSize(2));
            eventually(() -> assertThat(agentSocket.updatesOf(bobs.text("tracking_number"))).hasSize(1));
            assertThat(aliceSocket.updatesOf(bobs.text("tracking_number"))).isEmpty();
            assertThat(bobSocket.updatesOf(aliceNumber)).isEmpty();
            assertThat(agentSocket.updatesOf(aliceNumber)).as("not assigned to this agent").isEmpty();
            JsonNode update = bobSocket.updatesOf(bobs.text("tracking_number")).get(1);
            assertThat(update.get("type").asString()).isEqualTo("shipment.status");
            assertThat(update.get("status").asString()).isEqualTo("picked_up");
            assertThat(update.get("previous_status").asString()).isEqualTo("created");
        }
    }

    @Test
    void shouldLetThePublicFollowOneShipmentByTrackingNumberRedacted() {
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = book(customer);
        String number = booked.text("tracking_number");
        assign(booked.text("id"), agent);
        try (LiveClients.Socket socket = LiveClients.socket(port(), "?tracking_number=" + number).awaitSubscribed();
                LiveClients.Stream stream = LiveClients.stream(port(), "/track/" + number + "/events", null)) {
            assertThat(stream.status).isEqualTo(200);
            eventually(() -> assertThat(socket.updatesOf(number)).hasSize(1));
            api.put("/shipments/" + booked.text("id") + "/status", agent.token(),
                    Map.of("status", "picked_up", "location", "Chennai"));
            Api.Response other = book(customer);

            eventually(() -> assertThat(socket.updatesOf(number)).hasSize(2));
            eventually(() -> assertThat(stream.events).hasSize(2));
            for (JsonNode update : List.of(socket.updatesOf(number).get(1), stream.events.get(1))) {
                assertThat(update.get("status").asString()).isEqualTo("picked_up");
                assertThat(update.get("location").asString()).isEqualTo("Chennai");
                assertThat(update.has("shipment_id")).isFalse();
                assertThat(update.toString()).doesNotContain(customer.id().toString())
                        .doesNotContain(agent.id().toString());
            }
            assertThat(socket.updatesOf(other.text("tracking_number"))).isEmpty();
        }
    }

    @Test
    void shouldRefuseWhatTheCallerMayNotFollow() {
        Account owner = customer();
        Account other = customer();
        String id = book(owner).text("id");

        assertProblem(api.get("/shipments/" + id + "/events", null), 401);
        assertProblem(api.get("/shipments/" + id + "/events", other.token()), 404);
        assertProblem(api.get("/track/TRK00000000000/events", null), 404);
        assertThat(LiveClients.handshake(port(), "?access_token=not-a-token")).isEqualTo(401);
        assertThat(LiveClients.handshake(port(), "?tracking_number=TRK00000000000")).isEqualTo(404);

        LiveClients.Socket unauthenticated = LiveClients.socket(port(), "");
        unauthenticated.send("{\"type\":\"auth\",\"token\":\"forged\"}");
        eventually(() -> assertThat(unauthenticated.closed).isDone());
        assertThat(unauthenticated.closed.join()).startsWith("1008");
        assertThat(unauthenticated.messages).isEmpty();
    }
}
