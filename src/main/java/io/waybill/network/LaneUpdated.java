package io.waybill.network;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A lane was changed: the {@code lane.updated} event, keyed by the lane. It carries the
 * lane's whole state as of {@code occurredAt}, so a module keeping a copy of the lanes (shipments,
 * for promised delivery dates) replaces its row only with a newer state; a replayed or late event
 * changes nothing, and none brings back a deleted lane.
 */
@NamedInterface("events")
public record LaneUpdated(UUID laneId, String originCity, String destinationCity, int standardTransitDays,
        int expressTransitDays, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "lane.updated";

    static LaneUpdated of(Lane lane, Instant at) {
        return new LaneUpdated(lane.id(), lane.originCity(), lane.destinationCity(), lane.standardTransitDays(),
                lane.expressTransitDays(), at);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return laneId.toString();
    }
}
