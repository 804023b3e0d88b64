package io.waybill.shipments;

import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a shipment's history: a status change or a scan at a location. The location is
 * absent only for entries that do not move the parcel (booking, cancellation). Location and note
 * are single printable lines: they reach the customer's notifications. The point is where the
 * scanner stood, when it sent one.
 */
public record TrackingUpdate(UUID id, ShipmentStatus status, String location, String note, UUID recordedBy,
        Instant recordedAt, GeoPoint point) {

    public TrackingUpdate {
        SingleLineText.check("location", location);
        SingleLineText.check("note", note);
    }

    /** An entry without a point. */
    public TrackingUpdate(UUID id, ShipmentStatus status, String location, String note, UUID recordedBy,
            Instant recordedAt) {
        this(id, status, location, note, recordedBy, recordedAt, null);
    }
}
