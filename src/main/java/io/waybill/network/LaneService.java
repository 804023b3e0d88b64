package io.waybill.network;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lane administration. Fields left null in a change keep their value. Every change is announced
 * ({@code lane.created}, {@code lane.updated}, {@code lane.deleted}) in its transaction, for the
 * shipments module's copy of the lanes, which promises delivery dates from them.
 */
@Service
public class LaneService {

    private static final String NOT_FOUND = "No lane with this id.";

    private final LaneRepository lanes;
    private final EventPublisher events;
    private final Clock clock;

    LaneService(LaneRepository lanes, EventPublisher events, Clock clock) {
        this.lanes = lanes;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Lane add(LaneChange fields) {
        Instant now = clock.instant();
        Lane lane = new Lane(UUID.randomUUID(), fields.originCity(), fields.destinationCity(),
                fields.standardTransitDays(), fields.expressTransitDays(), now, now);
        lanes.add(lane);
        events.publish(LaneCreated.of(lane, now));
        return lane;
    }

    public Lane lane(UUID id) {
        return lanes.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public Page<Lane> lanes(PageQuery page) {
        return lanes.lanes(page);
    }

    @Transactional
    public Lane change(UUID id, LaneChange change) {
        Lane current = lane(id);
        Instant now = clock.instant();
        Lane changed = new Lane(id, or(change.originCity(), current.originCity()),
                or(change.destinationCity(), current.destinationCity()),
                or(change.standardTransitDays(), current.standardTransitDays()),
                or(change.expressTransitDays(), current.expressTransitDays()), current.createdAt(), now);
        lanes.save(changed);
        events.publish(LaneUpdated.of(changed, now));
        return changed;
    }

    @Transactional
    public void remove(UUID id) {
        if (!lanes.remove(id)) {
            throw new NotFoundException(NOT_FOUND);
        }
        events.publish(new LaneDeleted(id, clock.instant()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Lane fields as a client sends them. */
    public record LaneChange(String originCity, String destinationCity, Integer standardTransitDays,
            Integer expressTransitDays) {
    }
}
