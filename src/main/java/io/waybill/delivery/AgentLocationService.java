package io.waybill.delivery;

import io.waybill.delivery.config.DeliveryProperties;
import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.TenantContext;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes agents' location batches, and answers where agents are and were. A batch is judged by
 * {@link LocationBatch}; its accepted points are stored, and when its newest point is newer than
 * the agent's latest position, that position moves and the move is announced, in the same
 * transaction.
 */
@Service
public class AgentLocationService {

    private final AgentLocations locations;
    private final EventPublisher events;
    private final Throttle throttle;
    private final Clock clock;
    private final DeliveryProperties.Locations settings;
    private final LocationBatch.Rules rules;

    AgentLocationService(AgentLocations locations, EventPublisher events, Throttle throttle, Clock clock,
            DeliveryProperties properties) {
        this.locations = locations;
        this.events = events;
        this.throttle = throttle;
        this.clock = clock;
        this.settings = properties.locations();
        this.rules = new LocationBatch.Rules(settings.maxAge(), settings.maxClockSkew());
    }

    /**
     * Records a batch of the calling agent's points, and says which were accepted and which
     * refused. Each batch counts against the agent's {@link RateLimit#LOCATIONS} budget, once it is
     * known to be a batch at all.
     */
    @Transactional
    public LocationBatch report(Caller caller, List<ReportedPoint> points) {
        if (!caller.isAgent()) {
            throw new ForbiddenException("Only delivery agents report their locations.");
        }
        Instant now = clock.instant();
        LocationBatch batch = LocationBatch.judge(points, now, rules);
        Throttle.Quota quota = throttle.take(RateLimit.LOCATIONS, caller.userId().toString());
        if (!quota.taken()) {
            throw quota.refusal("Too many location batches from this agent: at most " + quota.limit()
                    + " in a row; send fewer, larger batches, or try again later.");
        }
        Optional<LocationPoint> newest = batch.newest();
        if (newest.isPresent()) {
            locations.store(caller.userId(), batch.acceptedPoints(), now);
            if (locations.advanceLatest(caller.userId(), newest.get(), now)) {
                events.publish(AgentLocationRecorded.of(caller.userId(), newest.get(), now));
            }
        }
        return batch;
    }

    /** An agent's trail in a window (see {@link TrailWindow}), at most the configured number of points per answer. */
    public Trail trail(UUID agentId, Instant from, Instant to) {
        TrailWindow window = TrailWindow.of(from, to, clock.instant(), settings.trailMaxWindow());
        int limit = settings.trailMaxPoints();
        List<LocationPoint> points = locations.trail(agentId, window.from(), window.to(), limit + 1);
        if (points.size() <= limit) {
            return new Trail(agentId, window, points, null);
        }
        List<LocationPoint> page = points.subList(0, limit);
        return new Trail(agentId, window, page, page.get(limit - 1).recordedAt().plus(1, ChronoUnit.MICROS));
    }

    /** The latest position of every agent active now: whose latest point was taken within the active window. */
    public Page<AgentPosition> activeAgents(PageQuery page) {
        return locations.latestSince(clock.instant().minus(settings.activeWindow()), page);
    }

    /**
     * Deletes the points older than the retention, a batch per statement so that no transaction
     * holds many rows; stops after {@code maxBatches} (the next run goes on). How many it deleted.
     */
    public long deleteExpired(int maxBatches) {
        Instant before = clock.instant().minus(settings.retention());
        long deleted = 0;
        for (UUID tenant : locations.tenantsWithPointsBefore(before)) {
            deleted += TenantContext.callAs(tenant, () -> deleteTenantsTakenBefore(before, maxBatches));
        }
        return deleted;
    }

    private long deleteTenantsTakenBefore(Instant before, int maxBatches) {
        long deleted = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int count = locations.deleteTakenBefore(before, settings.retentionBatch());
            deleted += count;
            if (count < settings.retentionBatch()) {
                break;
            }
        }
        return deleted;
    }
}
