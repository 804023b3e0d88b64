package io.waybill.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The public page of a shipment: no addresses, names, phones, notes or user ids. It shows the
 * delivery date promised at booking and the latest estimate (null for shipments booked before
 * them, and the estimate once a shipment is no longer expected), and each entry's UTC instant with
 * the local time at its place. Once delivered, {@code receivedBy} names who received it by initials
 * only ("Delivered, received by R. K."). {@code carrier} names the company carrying it (the display
 * name of the shipment's tenant); it is left out of the page while unknown, and of the cached page,
 * which is kept without it (see {@link TrackingPageRenderer#withCarrier}).
 */
public record PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
        List<Event> events, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery, String receivedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Carrier carrier) {

    public PublicTracking {
        events = List.copyOf(events);
    }

    public PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
            List<Event> events, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery, String receivedBy) {
        this(trackingNumber, status, currentLocation, updatedAt, events, promisedDeliveryDate, estimatedDelivery,
                receivedBy, null);
    }

    public PublicTracking(String trackingNumber, String status, String currentLocation, Instant updatedAt,
            List<Event> events) {
        this(trackingNumber, status, currentLocation, updatedAt, events, null, null, null);
    }

    /** This page with the carrier of its shipment's tenant (none: the carrier is not known yet). */
    public PublicTracking withCarrier(Carrier carrier) {
        return new PublicTracking(trackingNumber, status, currentLocation, updatedAt, events, promisedDeliveryDate,
                estimatedDelivery, receivedBy, carrier);
    }

    /**
     * One entry: {@code timestamp} is its UTC instant, {@code timeZone} the IANA zone of its place and
     * {@code localTime} the wall-clock time there with its offset, e.g. {@code 2026-12-01T09:14:00+05:30}
     * (both null for entries recorded before zones).
     */
    public record Event(String status, String location, Instant timestamp, String timeZone, String localTime) {

        public Event(String status, String location, Instant timestamp) {
            this(status, location, timestamp, null, null);
        }

        /** An entry at a place in this zone (null: unknown), with its local time worked out. */
        public static Event at(String status, String location, Instant timestamp, String timeZone) {
            return new Event(status, location, timestamp, timeZone, localTime(timestamp, timeZone));
        }

        static String localTime(Instant timestamp, String timeZone) {
            if (timeZone == null) {
                return null;
            }
            return timestamp.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of(timeZone)).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
