package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/** A customer booked a shipment: the {@code shipment.created} event, keyed by the shipment. */
@NamedInterface("events")
public record ShipmentBooked(UUID shipmentId, String trackingNumber, UUID customerId, String sourceAddress,
        String destinationAddress, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.created";

    @Override
    public String topic() {
        return TOPIC;
    }
}
