package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new entry in a shipment's history: a status change, or a scan (status equal to the previous
 * one) at a new location. The {@code shipment.status.updated} event, keyed by the shipment;
 * {@code sequence} is the entry's place in the history (the booking is 0), so a consumer can tell
 * a redelivery or a gap. {@code timeZone} is the IANA zone of the entry's place and
 * {@code estimatedDelivery} the shipment's estimate after it (null once no longer expected); both
 * are absent from events written before them. {@code paymentStatus} is the shipment's
 * {@link PaymentStatus} after the entry (null for a prepaid shipment, and in events written before it).
 */
@NamedInterface("events")
public record ShipmentStatusChanged(UUID shipmentId, String trackingNumber, int sequence, String previousStatus,
        String status, String location, UUID customerId, UUID agentId, Instant occurredAt, String timeZone,
        LocalDate estimatedDelivery, String paymentStatus) implements ShipmentEvent {

    /** A change without a payment status, as events were before it. */
    public ShipmentStatusChanged(UUID shipmentId, String trackingNumber, int sequence, String previousStatus,
            String status, String location, UUID customerId, UUID agentId, Instant occurredAt, String timeZone,
            LocalDate estimatedDelivery) {
        this(shipmentId, trackingNumber, sequence, previousStatus, status, location, customerId, agentId, occurredAt,
                timeZone, estimatedDelivery, null);
    }

    /** A change without zone or estimate, as events were before them. */
    public ShipmentStatusChanged(UUID shipmentId, String trackingNumber, int sequence, String previousStatus,
            String status, String location, UUID customerId, UUID agentId, Instant occurredAt) {
        this(shipmentId, trackingNumber, sequence, previousStatus, status, location, customerId, agentId, occurredAt,
                null, null);
    }

    public static final String TOPIC = "shipment.status.updated";

    @Override
    public String topic() {
        return TOPIC;
    }
}
