package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin gave a shipment to a delivery agent. Travels on {@code shipment.assigned}, beside the
 * network's hub assignments; its payload has {@code agent_id} where theirs has {@code hub_id}.
 */
public record AgentAssigned(UUID shipmentId, UUID agentId, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.assigned";

    @Override
    public String topic() {
        return TOPIC;
    }
}
