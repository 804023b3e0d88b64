package io.waybill.network;

import io.waybill.platform.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A new shipment was routed to the hub of its source city: the {@code shipment.assigned} event. */
public record HubAssigned(UUID shipmentId, UUID hubId, String hubName, String city, Instant occurredAt)
        implements DomainEvent {

    public static final String TOPIC = "shipment.assigned";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return shipmentId.toString();
    }
}
