package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin gave a shipment to a delivery agent: type {@code shipment.agent_assigned}, on the topic
 * {@code shipment.assigned} beside the network's hub assignments of the same shipment.
 */
@NamedInterface("events")
public record AgentAssigned(UUID shipmentId, UUID agentId, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.assigned";
    public static final String TYPE = "shipment.agent_assigned";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
