package io.waybill.shipments.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.shipments.TrackingUpdate;
import java.time.Instant;
import java.util.UUID;

/** One entry of a shipment's history on the wire. */
record TrackingUpdateResponse(UUID id, @Schema(ref = "ShipmentStatus") String status,
        @Schema(example = "Chennai hub") String location, String note, Instant updatedAt) {

    static TrackingUpdateResponse of(TrackingUpdate update) {
        return new TrackingUpdateResponse(update.id(), update.status().wireName(), update.location(), update.note(),
                update.recordedAt());
    }
}
