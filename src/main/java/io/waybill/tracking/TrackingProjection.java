package io.waybill.tracking;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentDelivered;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import io.waybill.shipments.PublicTracking;

/**
 * Keeps the tracking cache up to date from the shipments' events. An event that follows the cached
 * document is applied to it; a replay is ignored; after a gap (the cache lost the document, or
 * missed events while it was down) the document is rebuilt from PostgreSQL. If the cache cannot
 * be written, the event fails and is retried, so the cache catches up once it is back.
 */
@Component
class TrackingProjection implements EventHandler {

    private final TrackingCache cache;
    private final ShipmentService shipments;

    TrackingProjection(TrackingCache cache, ShipmentService shipments) {
        this.cache = cache;
        this.shipments = shipments;
    }

    @Override
    public String group() {
        return "tracking";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ShipmentBooked.TOPIC, ShipmentStatusChanged.TOPIC, ShipmentDelivered.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case ShipmentBooked.TOPIC -> booked(event.payloadAs(ShipmentBooked.class));
            case ShipmentStatusChanged.TOPIC -> changed(event.payloadAs(ShipmentStatusChanged.class));
            default -> {
                // shipment.delivered repeats the last status change, which has already been applied.
            }
        }
    }

    private void booked(ShipmentBooked booked) {
        Instant at = booked.occurredAt();
        cache.storeIfNewer(new TrackingDocument(booked.trackingNumber(), "created", null, at, 0,
                List.of(new PublicTracking.Event("created", null, at))));
    }

    private void changed(ShipmentStatusChanged change) {
        TrackingDocument next = cache.find(change.trackingNumber())
                .flatMap(document -> document.apply(change))
                .orElseGet(() -> TrackingDocument.of(shipments.publicTracking(change.trackingNumber())));
        cache.storeIfNewer(next);
    }
}
