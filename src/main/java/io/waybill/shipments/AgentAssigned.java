package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin gave a shipment to a delivery agent: type {@code shipment.agent_assigned}, on the topic
 * {@code shipment.assigned} beside the network's hub assignments of the same shipment.
 * {@code afterSequence} is the sequence of the shipment's latest history entry when the agent was
 * assigned: it places the assignment among the status changes (which travel on another topic and
 * name the agent of their moment), so that a consumer keeps the agent of the latest fact whatever
 * order the topics arrive in. Null in events written before it existed.
 */
@NamedInterface("events")
public record AgentAssigned(UUID shipmentId, UUID agentId, Integer afterSequence, Instant occurredAt)
        implements ShipmentEvent {

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
