package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer booked a shipment: the {@code shipment.created} event, keyed by the shipment. It carries
 * the service level, the promised delivery date (also the first estimate) and the IANA zone of the
 * booking entry; these are null in events written before them.
 */
@NamedInterface("events")
public record ShipmentBooked(UUID shipmentId, String trackingNumber, UUID customerId, String sourceAddress,
        String destinationAddress, Instant occurredAt, String serviceLevel, LocalDate promisedDeliveryDate,
        String timeZone) implements ShipmentEvent {

    /** A booking without service level, promised date or zone, as events were before them. */
    public ShipmentBooked(UUID shipmentId, String trackingNumber, UUID customerId, String sourceAddress,
            String destinationAddress, Instant occurredAt) {
        this(shipmentId, trackingNumber, customerId, sourceAddress, destinationAddress, occurredAt, null, null, null);
    }

    public static final String TOPIC = "shipment.created";

    @Override
    public String topic() {
        return TOPIC;
    }
}
