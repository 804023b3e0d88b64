package io.waybill.shipments.payment;

import io.waybill.kernel.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Where agents' cash is read and remittances are kept: the collections are the payments of the
 * shipments (cash only counts towards a balance), the remittances a table of their own.
 */
public interface CashLedger {

    /**
     * Holds the agent's cash until the transaction ends, so that two remittances for one agent are
     * checked against the balance one after the other.
     */
    void lock(UUID agentId);

    /** The agent's cash collected in {@code currency}, and what they remitted in it. */
    AgentCash.Balance balance(UUID agentId, Currency currency);

    /**
     * The agent's cash collections not yet covered, oldest first, each shipment locked as a change to
     * it would lock it, and how much of the agent's remittances earlier collections took.
     */
    Open open(UUID agentId, Currency currency);

    void add(Remittance remittance);

    /** Turns the payments of these shipments {@code remitted} by this remittance. */
    void settle(List<UUID> shipmentIds, UUID remittanceId, Instant at);

    /** Whether the agent ever collected or remitted anything. */
    boolean knows(UUID agentId);

    AgentCash cash(UUID agentId);

    record Open(List<OpenCollection> collections, Money settled) {
    }

    /** A cash collection not yet covered: its shipment and its amount in minor units. */
    record OpenCollection(UUID shipmentId, long amountMinor) {
    }
}
