package io.waybill.tracking;

import java.time.Instant;
import java.util.List;

/**
 * What the public may see of a shipment, as cached: its status, where it was last seen and its
 * history. {@code sequence} is the number of the latest history entry it includes, which lets the
 * cache keep the newer of two documents whichever is written last.
 */
public record TrackingDocument(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        int sequence, List<PublicTracking.Event> events) {

    public TrackingDocument {
        events = List.copyOf(events);
    }

    public PublicTracking toPublic() {
        return new PublicTracking(trackingNumber, status, currentLocation, updatedAt, events);
    }
}
