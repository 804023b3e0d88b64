package io.waybill.network;

import org.springframework.modulith.NamedInterface;

import io.waybill.shipments.ShipmentEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A new shipment was routed to the hub of its source city: type {@code shipment.hub_assigned}, on the
 * topic {@code shipment.assigned} beside the agent assignments of the same shipment.
 */
@NamedInterface("events")
public record HubAssigned(UUID shipmentId, UUID hubId, String hubName, String city, Instant occurredAt)
        implements ShipmentEvent {

    public static final String TOPIC = "shipment.assigned";
    public static final String TYPE = "shipment.hub_assigned";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
