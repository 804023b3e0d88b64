package io.waybill.linehaul;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A flight's status or expected times changed: the {@code flight.status.updated} event, keyed by the
 * flight. {@code source} is who said so ({@code admin}, {@code webhook}, {@code sync}); the counts
 * are the bags on board and the shipments in them that got an entry.
 */
@NamedInterface("events")
public record FlightStatusUpdated(UUID flightId, String flight, String previousStatus, String status,
        String departureAirport, String arrivalAirport, Instant scheduledDeparture, Instant estimatedDeparture,
        Instant estimatedArrival, int bagCount, int shipmentCount, String source, Instant occurredAt)
        implements DomainEvent {

    public static final String TOPIC = "flight.status.updated";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return flightId.toString();
    }
}
