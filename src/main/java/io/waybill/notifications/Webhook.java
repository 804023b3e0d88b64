package io.waybill.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription of a URL to event types. An admin's receives the events of every shipment, a
 * customer's those of their own shipments only. It is disabled when a delivery keeps failing past
 * the retry period.
 */
public record Webhook(UUID id, UUID ownerId, boolean allShipments, String url, List<String> events, String secret,
        boolean active, Instant createdAt, Instant disabledAt) {

    public Webhook {
        events = List.copyOf(events);
    }

    /** Whether this subscription wants an event of this type about a shipment of this customer. */
    public boolean wants(String eventType, UUID shipmentCustomer) {
        return active && events.contains(eventType) && (allShipments || ownerId.equals(shipmentCustomer));
    }
}
