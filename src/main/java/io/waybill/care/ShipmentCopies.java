package io.waybill.care;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The care module's copy of the shipments. Every write is idempotent and safe in any order: the
 * booking, the status changes and the agent assignments travel on different topics, so the status
 * keeps the entry with the highest sequence and the agent the newest fact (as in tracking's copy:
 * {@code 2 * sequence} for a status change, {@code 2 * afterSequence + 1} for an assignment).
 */
public interface ShipmentCopies {

    Optional<ShipmentCopy> find(UUID shipmentId);

    void recordOwner(UUID shipmentId, UUID customerId);

    void recordStatus(UUID shipmentId, int sequence, String status, Instant at, UUID agentId);

    void recordAgent(UUID shipmentId, UUID agentId, int version);
}
