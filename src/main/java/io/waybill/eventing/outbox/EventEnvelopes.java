package io.waybill.eventing.outbox;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.ReceivedEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON envelope every event travels in:
 * {@code {event_id, type, version, occurred_at, payload}}, with the payload in snake_case.
 */
@Component
class EventEnvelopes {

    private final JsonMapper json;

    EventEnvelopes(JsonMapper json) {
        this.json = json;
    }

    String write(UUID eventId, DomainEvent event) {
        return write(envelope(eventId, event));
    }

    String write(ObjectNode envelope) {
        return json.writeValueAsString(envelope);
    }

    ObjectNode envelope(UUID eventId, DomainEvent event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("event_id", eventId.toString());
        envelope.put("type", event.type());
        envelope.put("version", event.version());
        envelope.put("occurred_at", event.occurredAt().toString());
        envelope.set("payload", json.valueToTree(event));
        return envelope;
    }

    ReceivedEvent read(String topic, String key, String envelopeJson) {
        JsonNode envelope = json.readTree(envelopeJson);
        return new ReceivedEvent(
                UUID.fromString(envelope.get("event_id").asString()),
                topic,
                typeOf(envelope),
                envelope.get("version").asInt(),
                Instant.parse(envelope.get("occurred_at").asString()),
                key,
                envelope.get("payload"),
                (payload, type) -> json.treeToValue(payload, type));
    }

    /** The envelope's event id, or null when the text is not an envelope with a readable one. */
    UUID eventIdOf(String envelopeJson) {
        try {
            return UUID.fromString(json.readTree(envelopeJson).get("event_id").asString());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * The envelope's type. Envelopes written before hub routing and agent assignment had types of
     * their own say {@code shipment.assigned} for both; their payload tells which it was.
     */
    static String typeOf(JsonNode envelope) {
        String type = envelope.get("type").asString();
        if (!LEGACY_ASSIGNED.equals(type)) {
            return type;
        }
        return envelope.path("payload").hasNonNull("hub_id") ? "shipment.hub_assigned" : "shipment.agent_assigned";
    }

    private static final String LEGACY_ASSIGNED = "shipment.assigned";
}
