package io.waybill.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public may see of a shipment, as cached: its status, where it was last seen, its
 * history and its delivery dates. {@code sequence} is the number of the latest history entry it
 * includes, which lets the cache keep the newer of two documents whichever is written last (an
 * estimate always changes with a new entry). Documents cached before the dates read them as null.
 */
public record TrackingDocument(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        int sequence, List<PublicTracking.Event> events, LocalDate promisedDeliveryDate,
        LocalDate estimatedDelivery, String receivedBy) {

    public TrackingDocument {
        events = List.copyOf(events);
    }

    public TrackingDocument(String trackingNumber, String status, String currentLocation, Instant updatedAt,
            int sequence, List<PublicTracking.Event> events) {
        this(trackingNumber, status, currentLocation, updatedAt, sequence, events, null, null, null);
    }

    /**
     * What orders two documents of a shipment in the cache: its history, then whether its receiver is
     * known (the proof of delivery arrives after the delivered entry, with no entry of its own).
     */
    public long version() {
        return 2L * sequence + (receivedBy == null ? 0 : 1);
    }

    public PublicTracking toPublic() {
        return new PublicTracking(trackingNumber, status, currentLocation, updatedAt, events, promisedDeliveryDate,
                estimatedDelivery, receivedBy);
    }
}
