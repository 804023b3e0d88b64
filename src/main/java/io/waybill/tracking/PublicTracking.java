package io.waybill.tracking;

import java.time.Instant;
import java.util.List;

/** The public page of a shipment: no addresses, names, phones, notes or user ids. */
public record PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        List<Event> events) {

    public PublicTracking {
        events = List.copyOf(events);
    }

    public record Event(String status, String location, Instant timestamp) {
    }
}
