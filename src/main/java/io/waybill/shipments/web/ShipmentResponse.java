package io.waybill.shipments.web;

import io.waybill.shipments.AgentLocation;
import io.waybill.shipments.ShipmentView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A shipment on the wire. {@code agentLocation} is filled by {@code GET /shipments/{id}} only, while out for delivery. */
record ShipmentResponse(UUID id, String trackingNumber, String status, String currentLocation, String sourceAddress,
        String destinationAddress, String recipientName, String recipientPhone, BigDecimal weightKg,
        String description, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
        AgentLocationResponse agentLocation) {

    static ShipmentResponse of(ShipmentView view) {
        var details = view.details();
        return new ShipmentResponse(view.id(), view.trackingNumber().value(), view.status().wireName(),
                view.currentLocation(), details.sourceAddress(), details.destinationAddress(),
                details.recipientName(), details.recipientPhone(),
                details.weightKg() == null ? null : details.weightKg().stripTrailingZeros(),
                details.description(), view.customerId(), view.agentId(), view.hubId(), view.createdAt(),
                view.updatedAt(), AgentLocationResponse.of(view.agentLocation()));
    }

    /** Where the shipment's agent was last seen. */
    record AgentLocationResponse(double lat, double lon, Double accuracyM, Instant recordedAt) {

        static AgentLocationResponse of(AgentLocation location) {
            return location == null ? null
                    : new AgentLocationResponse(location.lat(), location.lon(), location.accuracyM(),
                            location.recordedAt());
        }
    }
}
