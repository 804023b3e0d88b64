package io.waybill.shipments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.EstimateRevision;
import io.waybill.shipments.ShipmentView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shipment on the wire; {@code estimate_revisions} only when one shipment is read;
 * {@code delivery_instruction} only after a failed attempt the customer answered (else null).
 */
record ShipmentResponse(UUID id, String trackingNumber, String status, String currentLocation, String sourceAddress,
        String destinationAddress, String recipientName, String recipientPhone, BigDecimal weightKg,
        String description, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
        String serviceLevel, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery,
        InstructionResponse deliveryInstruction,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Revision> estimateRevisions) {

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
                        : view.estimateRevisions().stream().map(Revision::of).toList());
    }

    /** One revision of the estimated delivery date. */
    record Revision(int sequence, String reason, LocalDate estimatedDelivery, LocalDate previousEstimate,
            Instant revisedAt) {

        static Revision of(EstimateRevision revision) {
            return new Revision(revision.historySequence(), revision.reason(), revision.estimatedDelivery(),
                    revision.previousEstimate(), revision.revisedAt());
        }
    }
}
