package io.waybill.shipments.web;

import io.waybill.shipments.ShipmentView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A shipment on the wire. */
record ShipmentResponse(UUID id, String trackingNumber, String status, String currentLocation, String sourceAddress,
        String destinationAddress, String recipientName, String recipientPhone, BigDecimal weightKg,
        String description, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt) {

    static ShipmentResponse of(ShipmentView view) {
        var details = view.details();
        return new ShipmentResponse(view.id(), view.trackingNumber().value(), view.status().wireName(),
                view.currentLocation(), details.sourceAddress(), details.destinationAddress(),
                details.recipientName(), details.recipientPhone(),
                details.weightKg() == null ? null : details.weightKg().stripTrailingZeros(),
                details.description(), view.customerId(), view.agentId(), view.hubId(), view.createdAt(),
                view.updatedAt());
    }
}
