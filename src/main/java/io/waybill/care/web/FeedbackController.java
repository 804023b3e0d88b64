package io.waybill.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.care.Feedback;
import io.waybill.care.FeedbackService;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Delivery feedback", description = "Customers rate a delivered shipment 1 to 5, once, changeable for "
        + "7 days.")
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping(path = "/shipments/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rate a delivery", description = "The shipment's customer, once it is delivered (409 "
            + "before, and 409 for a second rating: change it with PUT). rating 1 to 5, comment optional (at most "
            + "2000 characters). 404 for a shipment the caller does not see; 403 for its agent or an admin.")
    @ApiResponse(responseCode = "201", description = "The feedback")
    @ApiResponse(responseCode = "403", description = "Only the shipment's customer rates it")
    ResponseEntity<FeedbackResponse> give(@PathVariable UUID id, @RequestBody FeedbackRequest request,
            Caller caller) {
        Feedback given = feedback.give(caller, id, request.rating(), request.comment());
        return ResponseEntity.created(URI.create("/shipments/" + id + "/feedback")).body(FeedbackResponse.of(given));
    }

    @PutMapping(path = "/shipments/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a delivery's rating", description = "Within 7 days of the first rating (409 after); "
            + "404 when none was given yet.")
    @ApiResponse(responseCode = "403", description = "Only the shipment's customer rates it")
    FeedbackResponse change(@PathVariable UUID id, @RequestBody FeedbackRequest request, Caller caller) {
        return FeedbackResponse.of(feedback.change(caller, id, request.rating(), request.comment()));
    }

    @GetMapping("/admin/feedback")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List delivery ratings", description = "Ratings of at most max_rating (1 to 5; all by "
            + "default, 2 for the poor ones), newest change first.")
    Page<FeedbackResponse> rated(@RequestParam(name = "max_rating", required = false) Integer maxRating,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return feedback.rated(maxRating, PageQuery.of(page, size)).map(FeedbackResponse::of);
    }

    record FeedbackRequest(Integer rating, String comment) {
    }

    record FeedbackResponse(UUID shipmentId, UUID customerId, UUID agentId, int rating, String comment,
            Instant givenAt, Instant changedAt) {

        static FeedbackResponse of(Feedback feedback) {
            return new FeedbackResponse(feedback.shipmentId(), feedback.customerId(), feedback.agentId(),
                    feedback.rating(), feedback.comment(), feedback.givenAt(), feedback.changedAt());
        }
    }
}
