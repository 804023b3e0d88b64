package io.waybill.network;

import io.waybill.shipments.ShipmentEvent;
import java.time.Instant;
import java.util.UUID;

/** A new shipment was routed to the hub of its source city: the {@code shipment.assigned} event. */
public record HubAssigned(UUID shipmentId, UUID hubId, String hubName, String city, Instant occurredAt)
        implements ShipmentEvent {

    public static final String TOPIC = "shipment.assigned";

    @Override
    public String topic() {
        return TOPIC;
    }
}
