package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An agent took the payment of a cash-on-delivery shipment at its door: the {@code payment.collected}
 * event, keyed by the shipment, after its {@code shipment.proof_of_delivery}. Amounts are in minor
 * units of {@code currency}; {@code amountMinor} is what was taken, {@code amountDueMinor} what was
 * due (they differ only where an admin allowed it). Only {@code cash} stays in the agent's hands
 * until remitted.
 */
@NamedInterface("events")
public record PaymentCollected(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
        long amountDueMinor, long amountMinor, String currency, String method, UUID collectedBy, Instant occurredAt)
        implements ShipmentEvent {

    public static final String TOPIC = "payment.collected";

    @Override
    public String topic() {
        return TOPIC;
    }
}
