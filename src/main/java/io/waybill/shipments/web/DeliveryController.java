package io.waybill.shipments.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.ProofImage;
import io.waybill.shipments.ProofOfDelivery;
import io.waybill.shipments.ShipmentService;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery side of a shipment over HTTP: closing a delivery on a proof, reading the proof and its
 * images, and the customer's instruction after a failed attempt. The proof travels as JSON with the
 * image in base64, the way carriers' driver apps post a completed stop: one request, retried whole.
 */
@RestController
@Tag(name = "Delivery", description = "Proof of delivery and delivery instructions. {id} is the shipment's UUID or "
        + "its tracking number.")
class DeliveryController {

    private final ShipmentService shipments;

    DeliveryController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @RequiresScope(ApiScope.SCANS_WRITE)
    @PostMapping(path = "/shipments/{id}/proof-of-delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    @Operation(summary = "Deliver a shipment with a proof", description = "The assigned agent or an admin, while "
            + "the shipment is out_for_delivery: kind otp (with the recipient's code), signature or photo (with a "
            + "PNG or JPEG image in base64, at most 5 MB), received_by, location, and latitude/longitude when known. "
            + "Moves the shipment to delivered; 422 for a wrong or locked code or a refused image. A cash_on_delivery "
            + "shipment needs collection {amount_minor, currency, method: cash|card|upi}: the amount due, unless an "
            + "admin allowed another (422 otherwise).")
    @ApiResponse(responseCode = "201", description = "The proof; the shipment is delivered")
    ResponseEntity<ProofResponse> deliver(@PathVariable String id, @RequestBody ProofRequest request, Caller caller) {
        ProofOfDelivery proof = shipments.deliver(caller, id, new ShipmentService.ProofSubmission(
                DeliveryParameters.kind(request.kind()), request.code(), DeliveryParameters.image(request.image()),
                request.receivedBy(), request.location(), request.latitude(), request.longitude(),
                PaymentParameters.collection(request.collection())));
        return ResponseEntity.created(URI.create("/shipments/" + id + "/proof-of-delivery"))
                .body(ProofResponse.of(id, proof));
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/shipments/{id}/proof-of-delivery")
    @Operation(summary = "How a shipment's delivery was proven", description = "For its customer, its agent and "
            + "admins (404 for anyone else, and before delivery): who received it, when, where, which proof, and "
            + "links to its images.")
    ProofResponse proof(@Parameter(description = "UUID or tracking number") @PathVariable String id, Caller caller) {
        return ProofResponse.of(id, shipments.proofOfDelivery(caller, id));
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/shipments/{id}/proof-of-delivery/images/{number}")
    @Operation(summary = "An image of a proof of delivery", description = "The signature or photo, numbered from "
            + "1, as PNG or JPEG; the same access as the proof.")
    ResponseEntity<byte[]> image(@PathVariable String id, @PathVariable int number, Caller caller) {
        ProofImage image = shipments.proofImage(caller, id, number);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.format().mediaType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("proof-of-delivery-" + number + "." + image.format().suffix()).build().toString())
                .body(image.content());
    }

    @RequiresScope(ApiScope.SHIPMENTS_WRITE)
    @PostMapping(path = "/shipments/{id}/delivery-instructions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CUSTOMER', 'ADMIN')")
    @Operation(summary = "Say what happens after a failed delivery", description = "The customer who booked the "
            + "shipment (or an admin), while it is delivery_failed: reattempt (with a date, not in the past), "
            + "hold_at_hub or return_to_sender. The agent sees it as delivery_instruction on the shipment.")
    @ApiResponse(responseCode = "201", description = "The instruction")
    ResponseEntity<InstructionResponse> instruct(@PathVariable String id, @RequestBody InstructionRequest request,
            Caller caller) {
        DeliveryInstruction given = shipments.instruct(caller, id, DeliveryParameters.action(request.action()),
                DeliveryParameters.date(request.date()));
        return ResponseEntity.status(201).body(new InstructionResponse(given.action().wireName(),
                given.reattemptOn(), given.afterAttempt(), given.givenAt()));
    }

    record ProofRequest(String kind, String code, String image, String receivedBy, String location, Double latitude,
            Double longitude, @Schema(description = "Required for a cash_on_delivery shipment, refused otherwise")
            PaymentParameters.CollectionRequest collection) {

        @Override
        public String toString() {
            return "ProofRequest[kind=" + kind + "]";
        }
    }

    record ProofResponse(String kind, String receivedBy, Instant deliveredAt, String location, Double latitude,
            Double longitude, UUID recordedBy, List<ImageLink> images) {

        static ProofResponse of(String shipment, ProofOfDelivery proof) {
            List<ImageLink> images = new ArrayList<>();
            for (int n = 1; n <= proof.imageReferences().size(); n++) {
                images.add(new ImageLink(n, "/shipments/" + shipment + "/proof-of-delivery/images/" + n));
            }
            return new ProofResponse(proof.kind().wireName(), proof.receivedBy(), proof.deliveredAt(),
                    proof.location(), proof.latitude(), proof.longitude(), proof.recordedBy(), images);
        }
    }

    record ImageLink(int number, String href) {
    }

    record InstructionRequest(String action, String date) {
    }

    record InstructionResponse(String action, LocalDate date, int afterAttempt, Instant givenAt) {
    }
}
