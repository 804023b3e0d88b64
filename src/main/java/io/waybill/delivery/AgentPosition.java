package io.waybill.delivery;

import java.time.Instant;
import java.util.UUID;

/** Where an agent was last seen: their newest point, and when the server received it. */
public record AgentPosition(UUID agentId, LocationPoint point, Instant receivedAt) {
}
