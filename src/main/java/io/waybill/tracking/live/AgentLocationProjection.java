package io.waybill.tracking.live;

import io.waybill.delivery.AgentLocationRecorded;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.tracking.LiveFeed;
import io.waybill.tracking.LiveUpdate;
import io.waybill.tracking.TrackedShipments;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Pushes an agent's new position ({@code agent.location_recorded}) to the followers of each
 * shipment that agent has out for delivery now, as the read model knows it: the shipment's customer,
 * the agent and admins (the public stream never carries it). Positions are fleeting: one that
 * arrives too late to be current (an event held up in a backlog) is dropped rather than shown as
 * where the agent is, and a redelivery at worst repeats a position.
 */
@Component
class AgentLocationProjection implements EventHandler {

    /** A position older than this when it arrives is no longer where the agent is. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final LiveFeed feed;
    private final TrackedShipments shipments;
    private final Clock clock;

    AgentLocationProjection(LiveFeed feed, TrackedShipments shipments, Clock clock) {
        this.feed = feed;
        this.shipments = shipments;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "live-agent-locations";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgentLocationRecorded.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!AgentLocationRecorded.TOPIC.equals(event.type())) {
            return;
        }
        AgentLocationRecorded recorded = event.payloadAs(AgentLocationRecorded.class);
        if (recorded.occurredAt().isBefore(clock.instant().minus(STALE_AFTER))) {
            return;
        }
        LiveUpdate.Position position = new LiveUpdate.Position(recorded.lat(), recorded.lon(), recorded.accuracyM(),
                recorded.recordedAt());
        for (var shipment : shipments.outForDeliveryWith(recorded.agentId())) {
            feed.publish(LiveUpdate.agentLocation(shipment, position, event.tenantId()));
        }
    }
}
