package io.waybill.tracking.live;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.tracking.LiveFeed;
import io.waybill.tracking.LiveUpdate;
import io.waybill.shipments.ShipmentStatusChanged;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the shipments' history events into live updates. One instance handles each event (the
 * consumer group is shared) and hands it to the {@link LiveFeed}, which carries it to the clients
 * of every instance. It publishes while the group's offset is still locked, before the receipt
 * commits: so the next event, which another instance may handle, is published after this one and
 * clients see a shipment's history in order. A redelivery after a failed commit may repeat an
 * update; clients that follow one shipment skip sequences they have seen.
 */
@Component
class LiveUpdateProjection implements EventHandler {

    private final LiveFeed feed;

    LiveUpdateProjection(LiveFeed feed) {
        this.feed = feed;
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
            feed.publish(update);
        }
    }
}
