package io.waybill.shipments.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.shipments.TrackingUpdate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One entry of a shipment's history on the wire: its UTC instant ({@code updated_at}), where the
 * scanner stood when it sent that ({@code lat}, {@code lon}) and, when its place's zone is known, the
 * zone and the wall-clock time there.
 */
record TrackingUpdateResponse(UUID id, @Schema(ref = "ShipmentStatus") String status,
        @Schema(example = "Chennai hub") String location, String note, Instant updatedAt, Double lat, Double lon,
        @Schema(example = "Asia/Kolkata") String timeZone, @Schema(example = "2026-12-01T09:14:00+05:30") String localTime) {

    static TrackingUpdateResponse of(TrackingUpdate update) {
        return new TrackingUpdateResponse(update.id(), update.status().wireName(), update.location(), update.note(),
                update.recordedAt(), update.point() == null ? null : update.point().lat(),
                update.point() == null ? null : update.point().lon(), update.timeZone(),
                update.localTime() == null ? null : update.localTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
