package io.waybill.tracking.live;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.tracking.LiveFeed;
import io.waybill.tracking.LiveUpdate;
import io.waybill.tracking.TrackingService;
import io.waybill.shipments.ShipmentStatusChanged;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the shipments' history events into live updates. One instance handles each event (the
 * consumer group is shared) and hands it to the {@link LiveFeed}, which carries it to the clients
 * of every instance. It publishes while the group's offset is still locked, before the receipt
 * commits: so the next event, which another instance may handle, is published after this one and
 * clients see a shipment's history in order. A redelivery after a failed commit may repeat an
 * update; clients that follow one shipment skip sequences they have seen.
 *
 * <p>A stream starts with the history in tracking's read model, which another consumer group
 * keeps. So an update is pushed only once that read model has it (waiting up to
 * {@link #READ_MODEL_WAIT}): otherwise a stream opened between the push and the read model's
 * catching up would have it neither in its history nor live.
 */
@Component
class LiveUpdateProjection implements EventHandler {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);

    private final LiveFeed feed;
    private final TrackingService tracking;

    LiveUpdateProjection(LiveFeed feed, TrackingService tracking) {
        this.feed = feed;
        this.tracking = tracking;
    }

    @Override
    public String group() {
        return "live-updates";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ShipmentBooked.TOPIC, ShipmentStatusChanged.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        LiveUpdate update = switch (event.type()) {
            case ShipmentBooked.TOPIC -> {
                ShipmentBooked booked = event.payloadAs(ShipmentBooked.class);
                yield new LiveUpdate(booked.shipmentId(), booked.trackingNumber(), booked.customerId(), null, 0,
                        null, "created", null, booked.occurredAt());
            }
            case ShipmentStatusChanged.TOPIC -> {
                ShipmentStatusChanged change = event.payloadAs(ShipmentStatusChanged.class);
                yield new LiveUpdate(change.shipmentId(), change.trackingNumber(), change.customerId(),
                        change.agentId(), change.sequence(), change.previousStatus(), change.status(),
                        change.location(), change.occurredAt());
            }
            default -> null;
        };
        if (update != null) {
            tracking.awaitEntry(update.shipmentId(), update.sequence(), READ_MODEL_WAIT);
            feed.publish(update.of(event.tenantId()));
        }
    }
}
