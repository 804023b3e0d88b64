package io.waybill.shipments.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.shipments.BagScanning;
import io.waybill.shipments.GeoPoint;
import io.waybill.shipments.ScanCode;
import io.waybill.shipments.ShipmentService;
import java.time.Instant;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.beans.factory.ObjectProvider;
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
    /** Line haul's, when it runs in this process (it always runs with this module when it runs at all). */
    private final ObjectProvider<BagScanning> bags;

    ScanController(ShipmentService shipments, ObjectProvider<BagScanning> bags) {
        this.shipments = shipments;
        this.bags = bags;
    }

    @RequiresScope(ApiScope.SCANS_WRITE)
    @PostMapping(path = "/scans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    @ApiResponse(responseCode = "404", description = "No shipment with this code, or not one assigned to the "
            + "calling agent; no bag with this code, or not one assigned to the calling agent")
    @ResponseStatus(HttpStatus.CREATED)
    @Idempotent
    @Operation(summary = "Record a scan by what the scanner read", description = "code is the bare tracking number "
            + "(the label's barcode) or the tracking URL (its QR code); then as POST /tracking/{id} for that shipment: "
            + "the assigned agent or an admin, 404 for a shipment the caller may not see, 422 for a code that is no "
            + "shipment's. delivery_failed needs a reason; delivered is refused (422): deliver with "
            + "POST /shipments/{id}/proof-of-delivery. A bag code (BAG + 10 digits, the bag label's QR code) with "
            + "event (dispatched, arrived, opened) scans the bag as POST /bags/{id}/scans does, answering {bag}.")
    ScanResponse scan(@RequestBody ScanRequest request, Caller caller) {
        ScanCode code = ScanCode.read(request.code());
        if (code instanceof ScanCode.Bag bag) {
            return ScanResponse.of(scanBag(bag, request, caller));
        }
        if (request.event() != null) {
            throw new InvalidRequestException("event", "is for a bag's code; a shipment's scan takes status");
        }
        ShipmentService.Scan scan = shipments.scan(caller, code, request.location(),
                GeoPoint.ofNullable(request.lat(), request.lon()), request.timeZone(),
                request.status() == null ? null : StatusParameter.fromBody(request.status()), request.note(),
                DeliveryParameters.reason(request.reason()));
        return new ScanResponse(scan.shipmentId(), scan.trackingNumber().value(),
                TrackingUpdateResponse.of(scan.update()), null);
    }

    /**
     * A bag's scan takes an event and a place. What the caller expects recorded but a bag's scan cannot
     * record (a status, a note, a reason) is refused; the scanner's position, which phones send with
     * every scan, is not needed, as a bag's entries are placed and timed at its hub.
     */
    private BagScanning.BagScan scanBag(ScanCode.Bag bag, ScanRequest request, Caller caller) {
        String shipmentOnly = request.status() != null ? "status"
                : request.note() != null ? "note" : request.reason() != null ? "reason" : null;
        if (shipmentOnly != null) {
            throw new InvalidRequestException(shipmentOnly, "is for a shipment's scan: a bag's scan takes event and "
                    + "location");
        }
        BagScanning keeper = bags.getIfAvailable();
        if (keeper == null) {
            throw new NotFoundException("No bag with this code.");
        }
        return keeper.scan(caller, bag.code(), request.event(), request.location());
    }

    record ScanRequest(String code, String location, String status, String note, Double lat, Double lon,
            String timeZone, String reason, String event) {
    }

    /**
     * The shipment the code named and the entry the scan added to its history; or, for a bag's code,
     * only the bag's scan.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScanResponse(UUID shipmentId, String trackingNumber, TrackingUpdateResponse update, BagScanResponse bag) {

        static ScanResponse of(BagScanning.BagScan scan) {
            return new ScanResponse(null, null, null, new BagScanResponse(scan.bagId(), scan.code(), scan.status(),
                    scan.event(), scan.location(), scan.shipmentCount(), scan.scannedAt()));
        }
    }

    /** A bag's scan: the bag, its status after it, the step, where, and how many shipments got an entry. */
    record BagScanResponse(UUID id, String code, String status, String event, String location, int shipmentCount,
            Instant scannedAt) {
    }
}
