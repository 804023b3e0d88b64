package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/** A customer booked a shipment (the {@code shipment.created} event). */
public record ShipmentBooked(UUID shipmentId, String trackingNumber, UUID customerId, String sourceAddress,
        String destinationAddress, Instant occurredAt) {
}
