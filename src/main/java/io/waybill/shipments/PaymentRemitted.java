package io.waybill.shipments;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An admin recorded cash an agent handed in: the {@code payment.remitted} event, keyed by the agent
 * (so one agent's collections and remittances are read in order by the agent's balance), carrying the
 * amount in minor units of {@code currency} and the shipments whose payment it turned
 * {@code remitted} ({@code shipmentIds}, possibly none: a remittance that covers only part of the
 * oldest open collection settles no shipment yet).
 */
@NamedInterface("events")
public record PaymentRemitted(UUID remittanceId, UUID agentId, long amountMinor, String currency, String reference,
        List<UUID> shipmentIds, UUID recordedBy, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "payment.remitted";

    public PaymentRemitted {
        shipmentIds = List.copyOf(shipmentIds);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return agentId.toString();
    }
}
