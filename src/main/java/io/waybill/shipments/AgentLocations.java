package io.waybill.shipments;

import java.util.Optional;
import java.util.UUID;

/** This module's copy of the agents' latest positions. */
public interface AgentLocations {

    Optional<AgentLocation> latest(UUID agentId);

    /** Keeps this as the agent's position unless a newer one is kept already. */
    void record(UUID agentId, AgentLocation location);
}
