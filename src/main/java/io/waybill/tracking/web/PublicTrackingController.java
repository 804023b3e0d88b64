package io.waybill.tracking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Caller;
import io.waybill.kernel.RequiresScope;
import io.waybill.tracking.BulkTracking;
import io.waybill.tracking.PublicTracking;
import io.waybill.tracking.TrackingPage;
import io.waybill.tracking.TrackingService;
import io.waybill.tracking.config.TrackingProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Tracking")
class PublicTrackingController {

    private final TrackingService tracking;
    private final CacheControl publicCaching;

    PublicTrackingController(TrackingService tracking, TrackingProperties properties) {
        this.tracking = tracking;
        Duration maxAge = properties.tracking().publicMaxAge();
        // The page holds nothing personal: browsers and shared caches may keep it a few seconds.
        this.publicCaching = maxAge.isZero() ? CacheControl.noCache().cachePublic()
                : CacheControl.maxAge(maxAge).cachePublic();
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping(path = "/track/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Public tracking by number", description = "No token needed; shows statuses and places, "
            + "nothing personal. A number whose check digit is wrong is answered 404 at once. Sends a strong ETag "
            + "and Cache-Control: public, max-age; If-None-Match with the ETag is answered 304 while unchanged.")
    @ApiResponse(responseCode = "200", description = "The public page",
            content = @Content(schema = @Schema(implementation = PublicTracking.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: the answer whose ETag was sent is still current.",
            content = @Content)
    @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", required = false, schema = @Schema(type = "string"),
            description = "The ETag of an answer you have: 304 without a body while it is still current.")
    @ApiResponse(responseCode = "429", description = "Too many tracking requests from this address")
    ResponseEntity<String> track(@PathVariable String trackingNumber, WebRequest request) {
        // Not @ConditionalGet: the page comes as sent, JSON and ETag made once when it was cached,
        // so the busiest read neither renders nor buffers nor hashes per request.
        TrackingPage page = tracking.page(trackingNumber);
        if (request.checkNotModified(page.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(page.etag()).cacheControl(publicCaching)
                    .build();
        }
        return ResponseEntity.ok().eTag(page.etag()).cacheControl(publicCaching)
                .contentType(MediaType.APPLICATION_JSON).body(page.json());
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @PostMapping(path = "/track/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Public tracking of many numbers at once", description = "No token needed. Up to 100 "
            + "numbers; one result per number, in the order given: found (with the same page as GET "
            + "/track/{tracking_number}), not_found, or invalid (wrong form or check digit). Each number counts "
            + "against the tracking rate limit: 429 with Retry-After when the batch is more than what is left, "
            + "422 when it is more than the whole budget or more than 100 numbers.")
    @ApiResponse(responseCode = "429", description = "The batch is more than this address has left of its tracking budget")
    ResponseEntity<BulkTrackingResponse> trackAll(@RequestBody BulkTrackingRequest request,
            HttpServletRequest http, Caller caller) {
        BulkTracking answer = tracking.trackAll(request.trackingNumbers(), http.getRemoteAddr(), caller);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (answer.limit() != null) {
            ok.header("X-RateLimit-Limit", Long.toString(answer.limit()))
                    .header("X-RateLimit-Remaining", Long.toString(answer.remaining()));
        }
        return ok.body(BulkTrackingResponse.of(answer));
    }

    record BulkTrackingRequest(List<String> trackingNumbers) {
    }

    /** One result per number asked for, in the order asked. */
    record BulkTrackingResponse(List<Result> results) {

        static BulkTrackingResponse of(BulkTracking answer) {
            return new BulkTrackingResponse(answer.results().stream()
                    .map(result -> new Result(result.trackingNumber(),
                            result.outcome().name().toLowerCase(Locale.ROOT), result.shipment()))
                    .toList());
        }
    }

    /**
     * @param result   {@code found}, {@code not_found} or {@code invalid}
     * @param shipment the public page when found, else null
     */
    record Result(String trackingNumber, String result, PublicTracking shipment) {
    }
}
