package io.waybill.shipments.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.shipments.LabelFormat;
import io.waybill.shipments.ShipmentLabels;
import java.util.Arrays;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Shipments", description = "Booking, changing and moving shipments. {id} is the shipment's UUID or "
        + "its tracking number.")
class LabelController {

    private final ShipmentLabels labels;

    LabelController(ShipmentLabels labels) {
        this.labels = labels;
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/shipments/{id}/label")
    @Operation(summary = "A shipment's shipping label", description = "4x6 inches: a Code 128 barcode of the "
            + "tracking number, a QR code of the public tracking URL, the addresses, weight, routed hub and service "
            + "level. format=pdf (default, application/pdf), png (image/png, 203 dpi) or zpl (text/plain, ZPL II "
            + "for thermal printers). For its customer, its agent and admins; 404 for anyone else.")
    ResponseEntity<byte[]> label(@Parameter(description = "UUID or tracking number") @PathVariable String id,
            @Parameter(description = "pdf, png or zpl") @RequestParam(required = false) String format,
            Caller caller) {
        LabelFormat chosen = format == null || format.isBlank() ? LabelFormat.PDF : LabelFormat.fromWire(format)
                .orElseThrow(() -> new BadParameterException("format", "must be one of "
                        + Arrays.stream(LabelFormat.values()).map(LabelFormat::wireName).toList()));
        ShipmentLabels.RenderedLabel label = labels.label(caller, id, chosen);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(label.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(label.fileName()).build().toString())
                .body(label.content());
    }
}
