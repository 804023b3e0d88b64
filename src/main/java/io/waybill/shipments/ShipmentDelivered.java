package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/** A shipment reached its recipient (the {@code shipment.delivered} event). */
public record ShipmentDelivered(UUID shipmentId, String trackingNumber, UUID customerId, Instant bookedAt,
        Instant occurredAt) {
}
