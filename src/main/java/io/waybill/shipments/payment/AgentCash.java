package io.waybill.shipments.payment;

import io.waybill.kernel.Money;
import io.waybill.shipments.CollectionMethod;
import io.waybill.shipments.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent's cash: per currency, what they collected in cash, what they remitted and what they still
 * hold; and their latest collections (every method) and remittances, newest first.
 */
public record AgentCash(UUID agentId, List<Balance> balances, List<Collection> collections,
        List<Remittance> remittances) {

    /** How many of the latest collections and remittances are listed. */
    public static final int LISTED = 100;

    public AgentCash {
        balances = List.copyOf(balances);
        collections = List.copyOf(collections);
        remittances = List.copyOf(remittances);
    }

    /** Cash collected and remitted in one currency; the outstanding amount is their difference. */
    public record Balance(Money collected, Money remitted) {

        public Money outstanding() {
            return collected.minus(remitted);
        }
    }

    /** A collection at a door: the shipment, what was due and taken, how, and where its payment is now. */
    public record Collection(UUID shipmentId, String trackingNumber, Money amountDue, Money amount,
            CollectionMethod method, PaymentStatus status, Instant collectedAt, UUID remittanceId) {
    }
}
