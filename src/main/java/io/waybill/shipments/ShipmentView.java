package io.waybill.shipments;

import io.waybill.kernel.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shipment as callers see it, with its derived current location, its delivery dates and, when
 * read one at a time, the revisions of its estimate ({@code estimateRevisions} is null in lists);
 * after a failed delivery attempt, the customer's instruction for it (null when there is none);
 * and, where the caller is shown it ({@link Shipment#sharesAgentLocationWith}), where its agent was
 * last seen (null otherwise); and how it is paid for ({@link Payment}).
 */
public record ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
        ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
        ServiceLevel serviceLevel, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery,
        List<EstimateRevision> estimateRevisions, DeliveryInstruction deliveryInstruction,
        AgentLocation agentLocation, Payment payment) {

    public ShipmentView {
        payment = payment == null ? Payment.prepaid() : payment;
    }

    /** A view without delivery dates or instruction, as shipments were before them. */
    public ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
            ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt,
            Instant updatedAt) {
        this(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId, createdAt, updatedAt,
                ServiceLevel.STANDARD, null, null, null, null, null, null);
    }

    /** A view with its delivery dates and instruction, and no agent position. */
    public ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
            ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            ServiceLevel serviceLevel, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery,
            List<EstimateRevision> estimateRevisions, DeliveryInstruction deliveryInstruction) {
        this(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId, createdAt, updatedAt,
                serviceLevel, promisedDeliveryDate, estimatedDelivery, estimateRevisions, deliveryInstruction, null,
                null);
    }

    /** A view with its delivery dates, instruction and payment, and no agent position. */
    public ShipmentView(UUID id, TrackingNumber trackingNumber, ShipmentStatus status, String currentLocation,
            ShipmentDetails details, UUID customerId, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            ServiceLevel serviceLevel, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery,
            List<EstimateRevision> estimateRevisions, DeliveryInstruction deliveryInstruction, Payment payment) {
        this(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId, createdAt, updatedAt,
                serviceLevel, promisedDeliveryDate, estimatedDelivery, estimateRevisions, deliveryInstruction, null,
                payment);
    }

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id(), shipment.trackingNumber(), shipment.status(),
                shipment.currentLocation(), shipment.details(), shipment.customerId(), shipment.agentId(),
                shipment.hubId(), shipment.createdAt(), shipment.updatedAt(), shipment.serviceLevel(),
                shipment.promisedDeliveryDate(), shipment.estimatedDelivery(), shipment.estimateRevisions(),
                shipment.currentInstruction(), shipment.payment());
    }

    /** This view with the revisions of its estimate (a repository reads them apart from the row). */
    public ShipmentView withEstimateRevisions(List<EstimateRevision> revisions) {
        return new ShipmentView(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId,
                createdAt, updatedAt, serviceLevel, promisedDeliveryDate, estimatedDelivery, List.copyOf(revisions),
                deliveryInstruction, agentLocation, payment);
    }

    /** Who may see it: its customer, its agent, admins (the rule is {@link Shipment.Parties#isVisibleTo}). */
    boolean isVisibleTo(Caller caller) {
        return new Shipment.Parties(customerId, agentId).isVisibleTo(caller);
    }

    /** Whether this caller is shown where its agent is ({@link Shipment#sharesAgentLocationWith}). */
    boolean sharesAgentLocationWith(Caller caller) {
        return Shipment.sharesAgentLocation(status, new Shipment.Parties(customerId, agentId), caller);
    }

    ShipmentView withAgentLocation(AgentLocation location) {
        return new ShipmentView(id, trackingNumber, status, currentLocation, details, customerId, agentId, hubId,
                createdAt, updatedAt, serviceLevel, promisedDeliveryDate, estimatedDelivery, estimateRevisions,
                deliveryInstruction, location, payment);
    }
}
