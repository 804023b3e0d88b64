package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The customer said what should happen after a failed delivery attempt: the
 * {@code shipment.delivery_instruction} event, keyed by the shipment. {@code reattemptOn} only with
 * {@code reattempt}.
 */
@NamedInterface("events")
public record DeliveryInstructionGiven(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
        String action, LocalDate reattemptOn, int afterAttempt, Instant occurredAt) implements ShipmentEvent {

    public static final String TOPIC = "shipment.delivery_instruction";

    @Override
    public String topic() {
        return TOPIC;
    }
}
