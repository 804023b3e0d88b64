package io.waybill.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.notifications.WhatsAppInbox;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook for the WhatsApp number: called by Meta, not by accounts, so it takes no token and
 * trusts only the app secret's signature (and the verify token in the handshake).
 */
@RestController
@Tag(name = "Notifications")
class WhatsAppWebhookController {

    static final String PATH = "/notifications/webhook/whatsapp";

    private final WhatsAppInbox inbox;

    WhatsAppWebhookController(WhatsAppInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "WhatsApp webhook verification (called by Meta)", description = "Meta's handshake: with "
            + "`hub.mode=subscribe` and the configured verify token, answers `hub.challenge` as plain text; 403 for "
            + "another token, 400 for a missing or odd challenge, 404 when WhatsApp is not configured.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The challenge, as Meta sent it")
    @ApiResponse(responseCode = "400", description = "No challenge, or one that is not 1 to 128 letters, digits, - or _")
    @ApiResponse(responseCode = "403", description = "Another verify token, or a mode other than subscribe")
    @ApiResponse(responseCode = "404", description = "WhatsApp is not configured on this server")
    String verify(@Parameter(name = "hub.mode") @RequestParam(name = "hub.mode", required = false) String mode,
            @Parameter(name = "hub.verify_token") @RequestParam(name = "hub.verify_token", required = false)
            String verifyToken,
            @Parameter(name = "hub.challenge") @RequestParam(name = "hub.challenge", required = false)
            String challenge) {
        return inbox.answerHandshake(mode, verifyToken, challenge);
    }

    @PostMapping(PATH)
    @Operation(summary = "WhatsApp messages (called by Meta)", description = "Meta's message notifications, signed "
            + "with the app secret in `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` (401 when "
            + "missing or wrong). A text with a tracking number is answered on WhatsApp with the shipment's public "
            + "status (as `GET /track/{trackingNumber}` shows it); an unknown number with a polite \"not found\"; "
            + "a message without one with a hint. A few replies per sender a minute (10 by default), beyond them "
            + "none; the request is still answered 200, since Meta would only send it again. 404 when WhatsApp "
            + "is not configured.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Received")
    @ApiResponse(responseCode = "401", description = "X-Hub-Signature-256 is missing or does not match the body")
    @ApiResponse(responseCode = "404", description = "WhatsApp is not configured on this server")
    ResponseEntity<Void> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        inbox.receive(body == null ? new byte[0] : body, signature);
        return ResponseEntity.ok().build();
    }
}
