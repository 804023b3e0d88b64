package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An admin paid a customer back the remitted payment of a cash-on-delivery shipment: the
 * {@code payment.refunded} event, keyed by the shipment. {@code agentId} is who had collected it; the
 * refund does not change that agent's cash (it was remitted already).
 */
@NamedInterface("events")
public record PaymentRefunded(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
        long amountMinor, String currency, UUID refundedBy, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "payment.refunded";

    @Override
    public String topic() {
        return TOPIC;
    }
}
