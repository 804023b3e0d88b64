package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/** A shipment moved to a new status, or was scanned again in transit (the {@code shipment.status.updated} event). */
public record ShipmentStatusChanged(UUID shipmentId, String trackingNumber, String previousStatus, String status,
        String location, Instant occurredAt) {
}
