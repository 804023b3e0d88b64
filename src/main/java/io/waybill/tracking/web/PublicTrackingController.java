package io.waybill.tracking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.tracking.PublicTracking;
import io.waybill.tracking.TrackingService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tracking")
class PublicTrackingController {

    private final TrackingService tracking;

    PublicTrackingController(TrackingService tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/track/{trackingNumber}")
    @SecurityRequirements
    @Operation(summary = "Public tracking by number", description = "No token needed; shows statuses and places, "
            + "nothing personal. A number whose check digit is wrong is answered 404 at once.")
    @ApiResponse(responseCode = "429", description = "Too many tracking requests from this address")
    PublicTracking track(@PathVariable String trackingNumber) {
        return tracking.track(trackingNumber);
    }
}
