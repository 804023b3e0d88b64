package io.waybill.delivery;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where the agents' points and latest positions are kept. */
public interface AgentLocations {

    /** Stores the points; a point of this agent with the same time as one stored is kept once. */
    void store(UUID agentId, List<LocationPoint> points, Instant receivedAt);

    /** Makes this the agent's latest position unless a newer one is stored; whether it did. */
    boolean advanceLatest(UUID agentId, LocationPoint point, Instant receivedAt);

    /** The agent's points taken in [from, to), oldest first, at most {@code limit}. */
    List<LocationPoint> trail(UUID agentId, Instant from, Instant to, int limit);

    /** The latest positions taken at or after {@code since}, newest first. */
    Page<AgentPosition> latestSince(Instant since, PageQuery page);

    /** Deletes at most {@code limit} points taken before {@code before}; how many it deleted. */
    int deleteTakenBefore(Instant before, int limit);

    /** The tenants with points taken before {@code before} (the one look across tenants). */
    List<UUID> tenantsWithPointsBefore(Instant before);
}
