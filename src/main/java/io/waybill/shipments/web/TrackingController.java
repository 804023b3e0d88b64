package io.waybill.shipments.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.shipments.GeoPoint;
import io.waybill.kernel.Idempotent;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.TrackingUpdate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tracking", description = "A shipment's history, and the public tracking page")
class TrackingController {

    private final ShipmentService shipments;

    TrackingController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @RequiresScope(ApiScope.SCANS_WRITE)
    @PostMapping(path = "/tracking/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Idempotent
    @Operation(summary = "Add a tracking update", description = "A scan at a location, with lat and lon when the "
            + "scanner sends them; with status, also a status change under the same rules as "
            + "PUT /shipments/{id}/status (a reason with delivery_failed; delivered only through "
            + "POST /shipments/{id}/proof-of-delivery). time_zone (IANA, optional): where the scan happened; by "
            + "default the zone of the hub the location names.")
    TrackingUpdateResponse track(@PathVariable String id, @RequestBody TrackingRequest request, Caller caller) {
        TrackingUpdate update = shipments.track(caller, id, request.location(),
                GeoPoint.ofNullable(request.lat(), request.lon()), request.timeZone(),
                request.status() == null ? null : StatusParameter.fromBody(request.status()), request.note(),
                DeliveryParameters.reason(request.reason()));
        return TrackingUpdateResponse.of(update);
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/tracking/{id}")
    @Operation(summary = "A shipment's full history, oldest first")
    List<TrackingUpdateResponse> history(@PathVariable String id, Caller caller) {
        return shipments.history(caller, id).stream().map(TrackingUpdateResponse::of).toList();
    }

    record TrackingRequest(@Schema(example = "Chennai hub") String location,
            @Schema(ref = "ShipmentStatus") String status, @Schema(example = "Scanned at the dock") String note,
            @Schema(example = "13.0827") Double lat, @Schema(example = "80.2707") Double lon,
            @Schema(description = "IANA time zone of the place, e.g. Asia/Kolkata") String timeZone,
            @Schema(description = "Required with delivery_failed", allowableValues = {"recipient_absent",
                    "address_incorrect", "refused", "access_issue", "weather", "other"}) String reason) {
    }
}
