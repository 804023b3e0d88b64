package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/**
 * A new entry in a shipment's history: a status change, or a scan (status equal to the previous
 * one) at a new location. The {@code shipment.status.updated} event, keyed by the shipment;
 * {@code sequence} is the entry's place in the history (the booking is 0), so a consumer can tell
 * a redelivery or a gap.
 */
@NamedInterface("events")
public record ShipmentStatusChanged(UUID shipmentId, String trackingNumber, int sequence, String previousStatus,
        String status, String location, UUID customerId, UUID agentId, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.status.updated";

    @Override
    public String topic() {
        return TOPIC;
    }
}
