package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/**
 * A shipment as callers see it, with its derived current location and, after a failed delivery
 * attempt, the customer's instruction for it (null when there is none).
 */
public record ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
        ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
        DeliveryInstruction deliveryInstruction) {

    public ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
            ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt,
            Instant updatedAt) {
        this(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId, createdAt, updatedAt,
                null);
    }

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id(), shipment.trackingNumber(), shipment.status(),
                shipment.currentLocation(), shipment.details(), shipment.customerId(), shipment.agentId(),
                shipment.hubId(), shipment.createdAt(), shipment.updatedAt(), shipment.currentInstruction());
    }
}
