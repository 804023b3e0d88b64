package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/**
 * A shipment went out for delivery with a one-time code for its recipient: the
 * {@code shipment.delivery_code} event, on a topic of its own, keyed by the shipment. It is the only
 * event that carries a secret, so that the notifications module can text and mail the code: only
 * that module's planner consumes this topic; webhooks, live streams, tracking and reporting never
 * subscribe to it, and {@link #toString()} leaves the code out of logs. The code is useless once
 * the attempt ends and to anyone but the shipment's agent, who is the only one who can hand it in.
 */
@NamedInterface("events")
public record DeliveryCodeIssued(UUID shipmentId, String trackingNumber, UUID customerId, String recipientName,
        String recipientPhone, String code, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.delivery_code";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String toString() {
        return "DeliveryCodeIssued[shipmentId=" + shipmentId + ", trackingNumber=" + trackingNumber + ", code=(hidden)]";
    }
}
