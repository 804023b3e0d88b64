package io.waybill.shipments;

import io.waybill.platform.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A customer booked a shipment: the {@code shipment.created} event, keyed by the shipment. */
public record ShipmentBooked(UUID shipmentId, String trackingNumber, UUID customerId, String sourceAddress,
        String destinationAddress, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "shipment.created";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return shipmentId.toString();
    }
}
