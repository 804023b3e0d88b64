package io.waybill.tracking;

import io.waybill.shipments.PublicTracking;
import io.waybill.shipments.ShipmentStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the public may see of a shipment, as cached: its status, where it was last seen and its
 * history. {@code sequence} is the number of the latest history entry it includes, which lets an
 * event be applied exactly in order: a replay changes nothing and a gap asks for a rebuild.
 */
public record TrackingDocument(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        int sequence, List<PublicTracking.Event> events) {

    public TrackingDocument {
        events = List.copyOf(events);
    }

    public static TrackingDocument of(PublicTracking tracking) {
        return new TrackingDocument(tracking.trackingNumber(), tracking.status(), tracking.currentLocation(),
                tracking.updatedAt(), tracking.events().size() - 1, tracking.events());
    }

    /** What applying the next history entry gives: this document for a replay, empty for a gap. */
    public Optional<TrackingDocument> apply(ShipmentStatusChanged change) {
        if (change.sequence() <= sequence) {
            return Optional.of(this);
        }
        if (change.sequence() != sequence + 1) {
            return Optional.empty();
        }
        List<PublicTracking.Event> next = new ArrayList<>(events);
        next.add(new PublicTracking.Event(change.status(), change.location(), change.occurredAt()));
        String location = change.location() != null ? change.location() : currentLocation;
        return Optional.of(new TrackingDocument(trackingNumber, change.status(), location, change.occurredAt(),
                change.sequence(), next));
    }

    public PublicTracking toPublic() {
        return new PublicTracking(trackingNumber, status, currentLocation, updatedAt, events);
    }
}
