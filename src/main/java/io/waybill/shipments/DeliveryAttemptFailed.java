package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery attempt failed: the {@code shipment.delivery_failed} event, keyed by the shipment, with
 * the attempt's number (the first is 1), the reason code and the hub the shipment is routed to
 * (null when it was never routed), so that failures can be counted per reason, day and hub.
 */
@NamedInterface("events")
public record DeliveryAttemptFailed(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId, UUID hubId,
        int attempt, String reason, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.delivery_failed";

    @Override
    public String topic() {
        return TOPIC;
    }
}
