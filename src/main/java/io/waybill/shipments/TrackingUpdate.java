package io.waybill.shipments;

import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One entry of a shipment's history: a status change or a scan at a location. The location is
 * absent only for entries that do not move the parcel (booking, cancellation). Location and note
 * are single printable lines: they reach the customer's notifications. The point is where the
 * scanner stood, when it sent one. {@code timeZone} is the IANA zone of its place (its hub's, or the
 * one the scanner sent), in which its local time is shown; null for entries recorded before zones.
 */
public record TrackingUpdate(UUID id, ShipmentStatus status, String location, String note, UUID recordedBy,
        Instant recordedAt, GeoPoint point, String timeZone) {

    public TrackingUpdate {
        SingleLineText.check("location", location);
        SingleLineText.check("note", note);
    }

    /** An entry with neither a point nor a zone, as entries were before them. */
    public TrackingUpdate(UUID id, ShipmentStatus status, String location, String note, UUID recordedBy,
            Instant recordedAt) {
        this(id, status, location, note, recordedBy, recordedAt, null, null);
    }

    /** The wall-clock time at its place, to the second, with its offset; null without a zone. */
    public OffsetDateTime localTime() {
        return timeZone == null ? null
                : recordedAt.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }
}
