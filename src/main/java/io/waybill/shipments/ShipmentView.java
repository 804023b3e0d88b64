package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/**
 * A shipment as callers see it, with its derived current location, and, where the caller is shown
 * it ({@link Shipment#sharesAgentLocationWith}), where its agent was last seen (null otherwise).
 */
public record ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
        ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
        AgentLocation agentLocation) {

    public ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
            ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt) {
        this(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId, createdAt, updatedAt,
                null);
    }

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id(), shipment.trackingNumber(), shipment.status(),
                shipment.currentLocation(), shipment.details(), shipment.customerId(), shipment.agentId(),
                shipment.hubId(), shipment.createdAt(), shipment.updatedAt());
    }

    ShipmentView withAgentLocation(AgentLocation location) {
        return new ShipmentView(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId,
                createdAt, updatedAt, location);
    }
}
