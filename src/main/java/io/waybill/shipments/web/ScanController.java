package io.waybill.shipments.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Idempotent;
import io.waybill.shipments.GeoPoint;
import io.waybill.shipments.ScanCode;
import io.waybill.shipments.ShipmentService;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tracking", description = "A shipment's history, and the public tracking page")
class ScanController {

    private final ShipmentService shipments;

    ScanController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @RequiresScope(ApiScope.SCANS_WRITE)
    @PostMapping(path = "/scans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    @ApiResponse(responseCode = "404", description = "No shipment with this code, or not one assigned to the calling agent")
    @ResponseStatus(HttpStatus.CREATED)
    @Idempotent
    @Operation(summary = "Record a scan by what the scanner read", description = "code is the bare tracking number "
            + "(the label's barcode) or the tracking URL (its QR code); then as POST /tracking/{id} for that shipment: "
            + "the assigned agent or an admin, 404 for a shipment the caller may not see, 422 for a code that is no "
            + "shipment's. delivery_failed needs a reason; delivered is refused (422): deliver with "
            + "POST /shipments/{id}/proof-of-delivery.")
    ScanResponse scan(@RequestBody ScanRequest request, Caller caller) {
        ShipmentService.Scan scan = shipments.scan(caller, ScanCode.read(request.code()), request.location(),
                GeoPoint.ofNullable(request.lat(), request.lon()), request.timeZone(),
                request.status() == null ? null : StatusParameter.fromBody(request.status()), request.note(),
                DeliveryParameters.reason(request.reason()));
        return new ScanResponse(scan.shipmentId(), scan.trackingNumber().value(),
                TrackingUpdateResponse.of(scan.update()));
    }

    record ScanRequest(String code, String location, String status, String note, Double lat, Double lon,
            String timeZone, String reason) {
    }

    /** The shipment the code named, and the entry the scan added to its history. */
    record ScanResponse(UUID shipmentId, String trackingNumber, TrackingUpdateResponse update) {
    }
}
