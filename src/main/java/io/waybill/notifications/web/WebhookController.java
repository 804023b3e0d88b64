package io.waybill.notifications.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.notifications.Webhook;
import io.waybill.notifications.WebhookDelivery;
import io.waybill.notifications.WebhookService;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.NoApiKeys;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
@PreAuthorize("hasAnyRole('ADMIN', 'CUSTOMER')")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks")
    @Idempotent
    // A leaked key must not set up a channel that outlives its revocation.
    @NoApiKeys
    @Operation(summary = "Subscribe a URL to events", description = "Admins: events of every shipment; customers: of "
            + "their own, while the owner's account lives. The signing `secret` appears only in this answer. 422 for "
            + "a URL whose host points at a private, loopback or other special-purpose address; 409 beyond the "
            + "number of active webhooks an account may have (10 by default). Takes a bearer token: API keys get 403.")
    @ApiResponse(responseCode = "201", description = "The webhook, with its signing secret shown this once")
    ResponseEntity<CreatedWebhook> register(Caller caller, @RequestBody WebhookRequest request) {
        Webhook webhook = webhooks.register(caller, request.url(), request.events());
        return ResponseEntity.created(URI.create("/webhooks/" + webhook.id())).body(CreatedWebhook.of(webhook));
    }

    @GetMapping("/webhooks")
    @Operation(summary = "The caller's webhooks (an admin's: all)")
    Page<WebhookResponse> list(Caller caller, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return webhooks.list(caller, PageQuery.of(page, size)).map(WebhookResponse::of);
    }

    @DeleteMapping("/webhooks/{id}")
    @Operation(summary = "Unsubscribe")
    @ApiResponse(responseCode = "204", description = "Unsubscribed")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        webhooks.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/webhooks/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first")
    Page<DeliveryResponse> deliveries(Caller caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return webhooks.deliveries(caller, id, PageQuery.of(page, size)).map(DeliveryResponse::of);
    }

    @PostMapping("/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again", description = "Same body and X-Waybill-Event-Id, a new signature; "
            + "202, the attempt follows at once. 409 when the webhook is disabled.")
    @ApiResponse(responseCode = "202", description = "The delivery, queued again")
    ResponseEntity<DeliveryResponse> redeliver(Caller caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(DeliveryResponse.of(webhooks.redeliver(caller, id, deliveryId)));
    }

    @PostMapping("/webhooks/{id}/test")
    @Operation(summary = "Send a signed test event", description = "A webhook.test event (payload: webhook_id and a "
            + "message), signed and sent like any delivery, with the same headers; 202 with the delivery, whose "
            + "attempt follows at once and which appears in the delivery log. 409 when the webhook is disabled; 429 "
            + "(with Retry-After) beyond the webhook-test rate limit, per webhook: one every 10 seconds by default.")
    @ApiResponse(responseCode = "202", description = "The test delivery, queued")
    @ApiResponse(responseCode = "429", description = "Too many test events for this webhook (one per 10 seconds by default)")
    ResponseEntity<DeliveryResponse> test(Caller caller, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryResponse.of(webhooks.sendTest(caller, id)));
    }

    record WebhookRequest(@Schema(example = "https://shop.example.com/hooks/waybill") String url,
            @ArraySchema(schema = @Schema(ref = "WebhookEventType")) List<String> events) {
    }

    record CreatedWebhook(UUID id, @Schema(example = "https://shop.example.com/hooks/waybill") String url,
            @ArraySchema(schema = @Schema(ref = "WebhookEventType")) List<String> events, boolean active,
            Instant createdAt, @Schema(example = "whsec_5fJ2kQ9x") String secret) {
        static CreatedWebhook of(Webhook w) {
            return new CreatedWebhook(w.id(), w.url(), w.events(), w.active(), w.createdAt(), w.secret());
        }
    }

    /** {@code all_shipments} follows the owner's role now (an admin's webhook covers every shipment). */
    record WebhookResponse(UUID id, String url, @ArraySchema(schema = @Schema(ref = "WebhookEventType")) List<String> events,
            boolean active, boolean allShipments,
            Instant createdAt, Instant disabledAt, String disabledReason) {
        static WebhookResponse of(WebhookService.Subscription s) {
            Webhook w = s.webhook();
            return new WebhookResponse(w.id(), w.url(), w.events(), w.active(), s.allShipments(), w.createdAt(),
                    w.disabledAt(), w.disabledReason());
        }
    }

    record DeliveryResponse(UUID id, UUID eventId, @Schema(ref = "WebhookEventType") String eventType, String status, int attempts, Instant createdAt,
            Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode, String lastError) {
        static DeliveryResponse of(WebhookDelivery d) {
            return new DeliveryResponse(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.createdAt(),
                    WebhookDelivery.PENDING.equals(d.status()) ? d.nextAttemptAt() : null, d.deliveredAt(),
                    d.lastStatusCode(), d.lastError());
        }
    }
}
