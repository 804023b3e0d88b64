package io.waybill.shipments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shipment as callers see it, with its derived current location, its delivery dates and, when
 * read one at a time, the revisions of its estimate ({@code estimateRevisions} is null in lists), and,
 * after a failed delivery attempt, the customer's instruction for it (null when there is none).
 */
public record ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
        ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
        ServiceLevel serviceLevel, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery,
        List<EstimateRevision> estimateRevisions, DeliveryInstruction deliveryInstruction) {

    /** A view without delivery dates or instruction, as shipments were before them. */
    public ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
            ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt,
            Instant updatedAt) {
        this(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId, createdAt, updatedAt,
                ServiceLevel.STANDARD, null, null, null, null);
    }

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id(), shipment.trackingNumber(), shipment.status(),
                shipment.currentLocation(), shipment.details(), shipment.customerId(), shipment.agentId(),
                shipment.hubId(), shipment.createdAt(), shipment.updatedAt(), shipment.serviceLevel(),
                shipment.promisedDeliveryDate(), shipment.estimatedDelivery(), shipment.estimateRevisions(),
                shipment.currentInstruction());
    }
}
