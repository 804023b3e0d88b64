package io.waybill.network;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A lane was removed: the {@code lane.deleted} event, keyed by the lane. A copy of the lanes keeps a
 * tombstone, so that a {@link LaneUpdated} arriving late does not bring the lane back.
 */
@NamedInterface("events")
public record LaneDeleted(UUID laneId, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "lane.deleted";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return laneId.toString();
    }
}
