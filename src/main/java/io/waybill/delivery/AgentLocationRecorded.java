package io.waybill.delivery;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An agent's latest position moved forward: the {@code agent.location_recorded} event, keyed by
 * the agent, one per batch of points that held a point newer than any before (a late batch, all
 * of whose points are older than the latest, announces nothing). It carries the newest point of
 * the batch. Consumers keep the point with the newest {@code recordedAt}, so a redelivery or an
 * older event overtaking changes nothing.
 */
@NamedInterface("events")
public record AgentLocationRecorded(UUID agentId, double lat, double lon, Double accuracyM, Instant recordedAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "agent.location_recorded";

    static AgentLocationRecorded of(UUID agentId, LocationPoint point, Instant at) {
        return new AgentLocationRecorded(agentId, point.lat(), point.lon(), point.accuracyM(), point.recordedAt(), at);
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
