package io.waybill.tracking.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.security.CallerTokens;
import io.waybill.security.CurrentApiKey;
import io.waybill.tracking.LiveClient;
import io.waybill.tracking.LiveUpdates;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events: one shipment's history, then each new entry as it happens. A stream opened
 * with an access token ends when the token expires, one opened with an API key when the key is
 * revoked or expires; any stream ends after the maximum lifetime
 * (a last {@code stream.closed} event says why, and the client reconnects).
 */
@RestController
@Tag(name = "Tracking")
class LiveEventsController {

    private static final String BEARER = "Bearer ";

    private final LiveUpdates live;
    private final CallerTokens tokens;
    private final CurrentApiKey apiKey;

    LiveEventsController(LiveUpdates live, CallerTokens tokens, CurrentApiKey apiKey) {
        this.live = live;
        this.tokens = tokens;
        this.apiKey = apiKey;
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/shipments/{id}/events")
    @Operation(summary = "Follow a shipment live (SSE)", description = "Its history, then every status change "
            + "and scan as a `shipment.status` event; a comment every 20 s keeps the stream alive; the stream "
            + "ends after a final status, when the access token expires, when the API key that opened it is "
            + "revoked or expires, when the account is deleted, and after "
            + "the maximum lifetime (a `stream.closed` event says why; reconnect with a valid token). 404 when the "
            + "caller may not see the shipment; 429 beyond the streams allowed per address or account.")
    @ApiResponse(responseCode = "429", description = "Too many streams from this address or account")
    SseEmitter follow(Caller caller, @PathVariable String id, HttpServletRequest request) throws Exception {
        return stream(live.shipment(caller, id).heldBy(bearerToken(request)).heldByApiKey(apiKey.id().orElse(null)),
                request);
    }

    @RequiresScope(ApiScope.TRACKING_READ)
    @GetMapping("/track/{trackingNumber}/events")
    @SecurityRequirements
    @Operation(summary = "Follow a shipment live by tracking number (SSE, public)", description = "Redacted like "
            + "/track/{tracking_number}: statuses and places only. Counts against the tracking rate limit; 429 "
            + "beyond the streams allowed per address.")
    @ApiResponse(responseCode = "429", description = "Too many tracking requests or streams from this address")
    SseEmitter followPublicly(@PathVariable String trackingNumber, HttpServletRequest request) throws Exception {
        return stream(live.publicShipment(trackingNumber), request);
    }

    /** The bearer token that opened the stream; none for an API key. */
    private CallerTokens.Verified bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return tokens.verify(authorization.substring(BEARER.length()).trim()).orElse(null);
    }

    private SseEmitter stream(LiveUpdates.Subscription subscription, HttpServletRequest request) throws Exception {
        // No timeout of its own: the hub ends the stream (token expiry, lifetime), with a reason.
        SseEmitter emitter = new SseEmitter(0L);
        SseClient client = new SseClient(emitter);
        emitter.onCompletion(() -> live.disconnect(client));
        emitter.onTimeout(() -> live.disconnect(client));
        emitter.onError(failure -> live.disconnect(client));
        live.connect(client, subscription, request.getRemoteAddr());
        return emitter;
    }

    private static final class SseClient extends LiveClient {

        private final SseEmitter emitter;

        SseClient(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        protected void send(Map<String, Object> message) throws Exception {
            emitter.send(SseEmitter.event().name(String.valueOf(message.get("type")))
                    .id(String.valueOf(message.get("sequence"))).data(message, MediaType.APPLICATION_JSON));
        }

        @Override
        protected void heartbeat() throws Exception {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }

        @Override
        protected void complete() {
            emitter.complete();
        }

        @Override
        protected void disconnect(String reason) {
            try {
                emitter.send(SseEmitter.event().name("stream.closed")
                        .data(Map.of("type", "stream.closed", "reason", reason), MediaType.APPLICATION_JSON));
            } catch (Exception gone) {
                // the client is gone already: nothing to tell it
            }
            emitter.complete();
        }
    }
}
