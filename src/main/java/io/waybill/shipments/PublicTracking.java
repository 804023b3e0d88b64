package io.waybill.shipments;

import java.time.Instant;
import java.util.List;

/** The public page of a shipment: no addresses, names, phones, notes or user ids. */
public record PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        List<Event> events) {

    public record Event(String status, String location, Instant timestamp) {
    }

    static PublicTracking of(Shipment shipment) {
        List<TrackingUpdate> history = shipment.history();
        return new PublicTracking(shipment.trackingNumber().value(), shipment.status().wireName(),
                shipment.currentLocation(), history.get(history.size() - 1).recordedAt(),
                history.stream()
                        .map(update -> new Event(update.status().wireName(), update.location(), update.recordedAt()))
                        .toList());
    }
}
