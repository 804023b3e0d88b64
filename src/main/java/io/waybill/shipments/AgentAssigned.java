package io.waybill.shipments;

import java.time.Instant;
import java.util.UUID;

/** An admin gave a shipment to a delivery agent. */
public record AgentAssigned(UUID shipmentId, UUID agentId, Instant occurredAt) {
}
