package io.waybill.shipments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.AgentLocation;
import io.waybill.shipments.EstimateRevision;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.shipments.ShipmentView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
/**
 * A shipment on the wire; {@code estimate_revisions} only when one shipment is read;
 * {@code delivery_instruction} only after a failed attempt the customer answered (else null);
 * {@code agent_location} filled by {@code GET /shipments/{id}} only, while out for delivery;
 * {@code payment} for whoever may see the shipment (never on the public tracking page).
 */
record ShipmentResponse(@Schema(example = "3f0c8a6e-5b7d-4e21-9a4c-2d1e8f6b7a90") UUID id,
        @Schema(example = "TRK48213095572") String trackingNumber, @Schema(ref = "ShipmentStatus") String status,
        @Schema(example = "Chennai") String currentLocation, @Schema(example = "Chennai") String sourceAddress,
        @Schema(example = "Bangalore") String destinationAddress, @Schema(example = "Asha Rao") String recipientName,
        @Schema(example = "+919876543210") String recipientPhone, @Schema(example = "2.5") BigDecimal weightKg,
        @Schema(example = "Books") String description, UUID customerId, UUID agentId, UUID hubId, Instant createdAt,
        Instant updatedAt, @Schema(allowableValues = {"standard", "express"}) String serviceLevel,
        LocalDate promisedDeliveryDate, LocalDate estimatedDelivery, InstructionResponse deliveryInstruction,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Revision> estimateRevisions,
        AgentLocationResponse agentLocation, PaymentParameters.PaymentResponse payment) {

    /** The customer's instruction for the latest failed delivery attempt. */
    record InstructionResponse(String action, LocalDate date, int afterAttempt, Instant givenAt) {

        static InstructionResponse of(DeliveryInstruction instruction) {
            return instruction == null ? null : new InstructionResponse(instruction.action().wireName(),
                    instruction.reattemptOn(), instruction.afterAttempt(), instruction.givenAt());
        }
    }

    static ShipmentResponse of(ShipmentView view) {
        var details = view.details();
        return new ShipmentResponse(view.id(), view.trackingNumber().value(), view.status().wireName(),
                view.currentLocation(), details.sourceAddress(), details.destinationAddress(),
                details.recipientName(), details.recipientPhone(),
                details.weightKg() == null ? null : details.weightKg().stripTrailingZeros(),
                details.description(), view.customerId(), view.agentId(), view.hubId(), view.createdAt(),
                view.updatedAt(), view.serviceLevel().wireName(), view.promisedDeliveryDate(),
                view.estimatedDelivery(), InstructionResponse.of(view.deliveryInstruction()),
                view.estimateRevisions() == null ? null
                        : view.estimateRevisions().stream().map(Revision::of).toList(),
                AgentLocationResponse.of(view.agentLocation()), PaymentParameters.PaymentResponse.of(view.payment()));
    }

    /** One revision of the estimated delivery date. */
    record Revision(int sequence, String reason, LocalDate estimatedDelivery, LocalDate previousEstimate,
            Instant revisedAt) {

        static Revision of(EstimateRevision revision) {
            return new Revision(revision.historySequence(), revision.reason(), revision.estimatedDelivery(),
                    revision.previousEstimate(), revision.revisedAt());
        }
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
