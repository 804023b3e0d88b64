package io.waybill.shipments.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConditionalGet;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.PageQuery;
import io.waybill.shipments.Payment;
import io.waybill.shipments.ServiceLevel;
import io.waybill.shipments.ShipmentCursor;
import io.waybill.shipments.ShipmentDetails;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentView;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/shipments")
@Tag(name = "Shipments", description = "Booking, changing and moving shipments. {id} is the shipment's UUID or "
        + "its tracking number.")
class ShipmentController {

    private final ShipmentService shipments;

    ShipmentController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @RequiresScope(ApiScope.SHIPMENTS_WRITE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CUSTOMER', 'ADMIN')")
    @Idempotent
    @Operation(summary = "Book a shipment", description = "Customers book for themselves; an admin books on "
            + "behalf of a customer with customer_id. service_level: standard (default) or express; the answer "
            + "carries the promised_delivery_date from the lane between its cities. payment: prepaid (default) or "
            + "cash_on_delivery with amount_minor (> 0, in the currency's minor units) and an ISO 4217 currency.")
    @ApiResponse(responseCode = "201", description = "The shipment, status created")
    @ApiResponse(responseCode = "429", description = "Too many bookings by this account")
    ResponseEntity<ShipmentResponse> book(@RequestBody BookingRequest request, Caller caller) {
        ShipmentView view = shipments.book(caller, request.customerId(), new ShipmentDetails(request.sourceAddress(),
                request.destinationAddress(), request.recipientName(), request.recipientPhone(), request.weightKg(),
                request.description()), ServiceLevel.parse("service_level", request.serviceLevel()),
                Optional.ofNullable(PaymentParameters.payment(request.payment())).orElseGet(Payment::prepaid));
        return ResponseEntity.created(URI.create("/shipments/" + view.id())).body(ShipmentResponse.of(view));
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping
    @Operation(summary = "List shipments", description = "Customers see their own, agents those assigned to "
            + "them, admins all; newest first, or, with updated_since, those changed since then, oldest change "
            + "first. Page by number (page) or by the next_cursor of the previous page (cursor, which reads "
            + "any depth as fast as the first page; total is then null). next_cursor is null on the last page.")
    ShipmentListResponse list(
            @Parameter(schema = @Schema(ref = "ShipmentStatus")) @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-11-23T10:15:30Z: only shipments changed at or "
                    + "after it, by last change, oldest first")
            @RequestParam(name = "updated_since", required = false) String updatedSince,
            @Parameter(description = "next_cursor of the previous page (with the same status and updated_since)")
            @RequestParam(required = false) String cursor,
            Caller caller) {
        return ShipmentListResponse.of(shipments.list(caller, StatusParameter.fromQuery(status),
                updatedSince == null ? null : instant("updated_since", updatedSince),
                cursor == null ? null : ShipmentCursor.parse(cursor), PageQuery.of(page, size)));
    }

    private static Instant instant(String parameter, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "must be an ISO-8601 instant, e.g. 2026-11-23T10:15:30Z");
        }
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/{id}")
    @ConditionalGet
    @Operation(summary = "One shipment", description = "For its customer, its agent and admins; 404 for anyone else. "
            + "With the revisions of its estimated delivery date. While it is out_for_delivery, agent_location is "
            + "where its agent was last seen (null otherwise). Sends a strong ETag; If-None-Match with it is "
            + "answered 304 while the shipment is unchanged.")
    ResponseEntity<ShipmentResponse> get(@Parameter(description = "UUID or tracking number") @PathVariable String id,
            Caller caller) {
        // Private: the answer is the caller's; no-cache: a client or proxy that keeps it asks again (304 if unchanged).
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .body(ShipmentResponse.of(shipments.get(caller, id)));
    }

    @RequiresScope(ApiScope.SHIPMENTS_WRITE)
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a booking", description = "Only while created; fields left out keep their value; "
            + "payment, when given, replaces the payment whole.")
    @ApiResponse(responseCode = "403", description = "An agent or API key may not change a booking")
    ShipmentResponse edit(@PathVariable String id, @RequestBody ChangeRequest request, Caller caller) {
        return ShipmentResponse.of(shipments.edit(caller, id, new ShipmentService.DetailsChange(
                request.sourceAddress(), request.destinationAddress(), request.recipientName(),
                request.recipientPhone(), request.weightKg(), request.description()),
                PaymentParameters.payment(request.payment())));
    }

    @RequiresScope(ApiScope.SHIPMENTS_WRITE)
    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a shipment", description = "Only while created; the shipment is kept as cancelled.")
    @ApiResponse(responseCode = "403", description = "An agent or API key may not cancel a shipment")
    ShipmentResponse cancel(@PathVariable String id, Caller caller) {
        return ShipmentResponse.of(shipments.cancel(caller, id));
    }

    @RequiresScope(ApiScope.SCANS_WRITE)
    @PutMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    @Idempotent
    @Operation(summary = "Move a shipment to a new status", description = "The assigned agent or an admin; 409 for "
            + "a move the lifecycle does not allow. delivery_failed needs a reason; delivered is refused (422): "
            + "deliver with POST /shipments/{id}/proof-of-delivery.")
    ShipmentResponse changeStatus(@PathVariable String id, @RequestBody StatusRequest request, Caller caller) {
        return ShipmentResponse.of(shipments.changeStatus(caller, id, StatusParameter.fromBody(request.status()),
                request.location(), request.note(), request.timeZone(), DeliveryParameters.reason(request.reason())));
    }

    @PutMapping(path = "/{id}/assign-agent", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Assign a delivery agent")
    ShipmentResponse assignAgent(@PathVariable String id, @Validated @RequestBody AssignmentRequest request,
            Caller caller) {
        return ShipmentResponse.of(shipments.assignAgent(caller, id, request.agentId()));
    }

    record BookingRequest(@Schema(example = "12 Anna Salai, Chennai") String sourceAddress,
            @Schema(example = "5 MG Road, Bangalore") String destinationAddress,
            @Schema(example = "Asha Rao") String recipientName, @Schema(example = "+919876543210") String recipientPhone,
            @Schema(example = "2.5") BigDecimal weightKg, @Schema(example = "Books") String description,
            @Schema(description = "Admins only: the customer booked for") UUID customerId,
            @Schema(allowableValues = {"standard", "express"}, example = "standard") String serviceLevel,
            PaymentParameters.PaymentRequest payment) {
    }

    record ChangeRequest(String sourceAddress, String destinationAddress, String recipientName,
            String recipientPhone, BigDecimal weightKg, String description,
            @Schema(description = "Replaces how it is paid for (before dispatch)") PaymentParameters.PaymentRequest payment) {
    }

    record StatusRequest(@Schema(ref = "ShipmentStatus") String status, @Schema(example = "Bangalore hub") String location,
            @Schema(example = "Left the sorting centre") String note,
            @Schema(description = "IANA time zone of the place, e.g. Asia/Kolkata") String timeZone,
            @Schema(description = "Required with delivery_failed", allowableValues = {"recipient_absent",
                    "address_incorrect", "refused", "access_issue", "weather", "other"}) String reason) {
    }

    record AssignmentRequest(@NotNull UUID agentId) {
    }
}
