package io.waybill.tracking;

import java.time.Instant;
import java.util.List;

/**
 * The public page of a shipment: no addresses, names, phones, notes or user ids. Once delivered,
 * {@code receivedBy} names who received it by initials only ("Delivered, received by R. K.").
 */
public record PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        List<Event> events, String receivedBy) {

    public PublicTracking {
        events = List.copyOf(events);
    }

    public PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
            List<Event> events) {
        this(trackingNumber, status, currentLocation, updatedAt, events, null);
    }

    public record Event(String status, String location, Instant timestamp) {
    }
}
