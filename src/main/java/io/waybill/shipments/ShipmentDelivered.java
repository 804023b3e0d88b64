package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/**
 * A shipment reached its recipient: the {@code shipment.delivered} event, keyed by the shipment.
 * It carries when the shipment was booked and how many delivery attempts failed before, so that
 * delivery performance can be measured from this event alone.
 */
@NamedInterface("events")
public record ShipmentDelivered(UUID shipmentId, String trackingNumber, UUID customerId, Instant bookedAt,
        int failedAttempts, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.delivered";

    @Override
    public String topic() {
        return TOPIC;
    }
}
