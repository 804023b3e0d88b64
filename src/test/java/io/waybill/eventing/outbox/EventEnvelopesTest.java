package io.waybill.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.ReceivedEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The envelope names what happened; a consumer reads the topic it came by and the type apart. */
class EventEnvelopesTest {

    private final EventEnvelopes envelopes = new EventEnvelopes(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());

    record Routed(UUID shipmentId, UUID hubId, Instant occurredAt) implements DomainEvent {

        @Override
        public String topic() {
            return "shipment.assigned";
        }

        @Override
        public String type() {
            return "shipment.hub_assigned";
        }

        @Override
        public String key() {
            return shipmentId.toString();
        }
    }

    @Test
    void shouldWriteTheEventsOwnTypeAndReadItBackWithItsTopic() {
        UUID id = UUID.randomUUID();
        String json = envelopes.write(id, new Routed(UUID.randomUUID(), UUID.randomUUID(), Instant.now()));

        ReceivedEvent received = envelopes.read("shipment.assigned", "k", json);

        assertThat(received.type()).isEqualTo("shipment.hub_assigned");
        assertThat(received.topic()).isEqualTo("shipment.assigned");
        assertThat(received.eventId()).isEqualTo(id);
    }

    @Test
    void shouldTellTheKindOfAnOldSharedTypeEnvelopeFromItsPayload() {
        String hub = """
                {"event_id":"%s","type":"shipment.assigned","version":1,"occurred_at":"2026-11-23T10:00:00Z",
                 "payload":{"shipment_id":"%s","hub_id":"%s"}}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        String agent = """
                {"event_id":"%s","type":"shipment.assigned","version":1,"occurred_at":"2026-11-23T10:00:00Z",
                 "payload":{"shipment_id":"%s","agent_id":"%s"}}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());

        assertThat(envelopes.read("shipment.assigned", "k", hub).type()).isEqualTo("shipment.hub_assigned");
        assertThat(envelopes.read("shipment.assigned", "k", agent).type()).isEqualTo("shipment.agent_assigned");
    }
}
