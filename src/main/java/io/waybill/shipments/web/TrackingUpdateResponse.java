package io.waybill.shipments.web;

import io.waybill.shipments.TrackingUpdate;
import java.time.Instant;
import java.util.UUID;

/** One entry of a shipment's history on the wire. */
record TrackingUpdateResponse(UUID id, String status, String location, String note, Instant updatedAt, Double lat,
        Double lon) {

    static TrackingUpdateResponse of(TrackingUpdate update) {
        return new TrackingUpdateResponse(update.id(), update.status().wireName(), update.location(), update.note(),
                update.recordedAt(), update.point() == null ? null : update.point().lat(),
                update.point() == null ? null : update.point().lon());
    }
}
