package io.waybill.shipments.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.shipments.ShipmentView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A shipment on the wire. */
record ShipmentResponse(@Schema(example = "3f0c8a6e-5b7d-4e21-9a4c-2d1e8f6b7a90") UUID id,
        @Schema(example = "WB2024000017") String trackingNumber, @Schema(ref = "ShipmentStatus") String status,
        @Schema(example = "Chennai") String currentLocation, @Schema(example = "Chennai") String sourceAddress,
        @Schema(example = "Bangalore") String destinationAddress, @Schema(example = "Asha Rao") String recipientName,
        @Schema(example = "+919876543210") String recipientPhone, @Schema(example = "2.5") BigDecimal weightKg,
        @Schema(example = "Books") String description, UUID customerId, UUID agentId, UUID hubId, Instant createdAt,
        Instant updatedAt) {

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
