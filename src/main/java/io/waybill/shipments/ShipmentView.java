package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/** A shipment as callers see it, with its derived current location. */
public record ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
        ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt) {

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id(), shipment.trackingNumber(), shipment.status(),
                shipment.currentLocation(), shipment.details(), shipment.customerId(), shipment.agentId(),
                shipment.hubId(), shipment.createdAt(), shipment.updatedAt());
    }
}
