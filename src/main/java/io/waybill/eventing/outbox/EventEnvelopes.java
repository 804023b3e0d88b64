package io.waybill.eventing.outbox;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.TenantContext;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON envelope every event travels in:
 * {@code {event_id, type, version, occurred_at, tenant_id, payload}}, with the payload in snake_case.
 * The tenant is the writing work's ({@link TenantContext}); an envelope written before tenants has
 * none and is the default tenant's.
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
        envelope.put("tenant_id", TenantContext.currentOrDefault().toString());
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
                (payload, type) -> json.treeToValue(payload, type),
                tenantOf(envelope));
    }

    /** The envelope's tenant: the default tenant for an envelope written before tenants. */
    static UUID tenantOf(JsonNode envelope) {
        JsonNode tenant = envelope.get("tenant_id");
        return tenant == null || tenant.isNull() ? TenantContext.DEFAULT : UUID.fromString(tenant.asString());
    }

    /** The tenant of an envelope's text; the default tenant when it has none or cannot be read. */
    UUID tenantOf(String envelopeJson) {
        try {
            return tenantOf(json.readTree(envelopeJson));
        } catch (RuntimeException unreadable) {
            return TenantContext.DEFAULT;
        }
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
