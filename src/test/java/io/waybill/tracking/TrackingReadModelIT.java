package io.waybill.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.TenantContext;
import io.waybill.shipments.AgentAssigned;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentStatusChanged;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracking's own read model, fed by the shipments' events alone: a shipment booked a moment ago is
 * found at once, and events that arrive twice or out of order (the booking, the status changes and
 * the assignments travel on different topics) leave it right.
 */
class TrackingReadModelIT extends ApiTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    private TrackingProjection projection;
    @Autowired
    private TrackedShipments shipments;
    @Autowired
    private JsonMapper json;

    /** The read model is fed and read here as the consumer does: as the work of the events' (the default) tenant. */
    @BeforeEach
    void actAsTheDefaultTenant() {
        TenantContext.set(TenantContext.DEFAULT);
    }

    @AfterEach
    void actAsNoTenant() {
        TenantContext.clear();
    }

    @Test
    void shouldFindAShipmentTheMomentItsBookingIsAnswered() {
        for (int i = 0; i < 5; i++) {
            Api.Response booked = book(customer());

            Api.Response page = api.get("/track/" + booked.text("tracking_number"), null);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text("status")).isEqualTo("created");
            assertThat(page.body().get("events").size()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepTheReadModelRightWhateverOrderAndHowOftenEventsArrive() {
        UUID id = UUID.randomUUID();
        String number = "TRK" + String.format("%010d", Math.floorMod(id.getLeastSignificantBits(), 10_000_000_000L))
                + "0";
        UUID customer = UUID.randomUUID();
        UUID firstAgent = UUID.randomUUID();
        UUID secondAgent = UUID.randomUUID();

        // A status change and a reassignment arrive before the booking they follow.
        deliver(changed(id, number, customer, 1, "created", "picked_up", "Chennai", firstAgent));
        deliver(new AgentAssigned(id, secondAgent, 1, AT.plusSeconds(2)));
        assertThat(shipments.find(id)).as("nothing to show before the booking").isEmpty();

        deliver(new ShipmentBooked(id, number, customer, "from", "to", AT));
        deliver(changed(id, number, customer, 1, "created", "picked_up", "Chennai", firstAgent));
        TrackedShipment shipment = shipments.find(number).orElseThrow();
        assertThat(shipment.history()).extracting(TrackedShipment.Entry::status).containsExactly("created", "picked_up");
        assertThat(shipment.agentId()).as("the reassignment is newer than the change that named the first agent")
                .isEqualTo(secondAgent);
        assertThat(shipment.customerId()).isEqualTo(customer);

        // An entry whose predecessor is missing waits; a redelivered one changes nothing.
        deliver(changed(id, number, customer, 3, "in_transit", "out_for_delivery", "Salem", secondAgent));
        assertThat(shipments.find(id).orElseThrow().history()).hasSize(2);
        deliver(changed(id, number, customer, 2, "picked_up", "in_transit", "Madurai", secondAgent));
        deliver(changed(id, number, customer, 2, "picked_up", "in_transit", "Madurai", secondAgent));
        shipment = shipments.find(id).orElseThrow();
        assertThat(shipment.history()).extracting(TrackedShipment.Entry::sequence).containsExactly(0, 1, 2, 3);
        assertThat(shipment.toPublic().status()).isEqualTo("out_for_delivery");
        assertThat(shipment.toPublic().currentLocation()).isEqualTo("Salem");

        // An assignment older than the latest change, delivered late, does not bring the old agent back.
        deliver(new AgentAssigned(id, firstAgent, 0, AT.plusSeconds(1)));
        assertThat(shipments.find(id).orElseThrow().agentId()).isEqualTo(secondAgent);
    }

    @Test
    void shouldRefuseAnotherCustomersStreamWhileTheShipmentsHistoryHasAGap() {
        Account owner = customer();
        Account stranger = customer();
        Account agent = agent();
        UUID id = UUID.randomUUID();
        String number = "TRK" + String.format("%010d", Math.floorMod(id.getLeastSignificantBits(), 10_000_000_000L))
                + "0";
        deliver(new ShipmentBooked(id, number, owner.id(), "from", "to", AT));
        // Entry 2 arrives, entry 1 has not: the copy holds it back, and knows whose shipment it is.
        deliver(changed(id, number, owner.id(), 2, "picked_up", "in_transit", "Madurai", UUID.randomUUID()));
        assertThat(shipments.find(id).orElseThrow().history()).hasSize(1);

        Api.Response unknown = api.get("/shipments/" + UUID.randomUUID() + "/events", stranger.token());
        for (Account caller : new Account[] {stranger, agent}) {
            Api.Response refused = api.get("/shipments/" + id + "/events", caller.token());
            assertProblem(refused, 404);
            assertThat(refused.text("detail")).as("as for a shipment that does not exist")
                    .isEqualTo(unknown.text("detail"));
        }
        assertProblem(api.get("/shipments/" + id + "/events", null), 401);
    }

    @Test
    void shouldAnswerAnUnknownNumberNotFound() {
        assertProblem(api.get("/track/TRK00000000000", null), 404);
    }

    private static ShipmentStatusChanged changed(UUID id, String number, UUID customer, int sequence, String previous,
            String status, String location, UUID agent) {
        return new ShipmentStatusChanged(id, number, sequence, previous, status, location, customer, agent,
                AT.plusSeconds(10L * sequence));
    }

    private void deliver(DomainEvent event) {
        projection.handle(new ReceivedEvent(UUID.randomUUID(), event.topic(), event.type(), 1, AT,
                event.key(), json.valueToTree(event), (payload, type) -> json.treeToValue(payload, type)));
    }
}
