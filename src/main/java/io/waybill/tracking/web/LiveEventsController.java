package io.waybill.tracking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.platform.Caller;
import io.waybill.tracking.LiveClient;
import io.waybill.tracking.LiveUpdates;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-Sent Events: one shipment's history, then each new entry as it happens. */
@RestController
@Tag(name = "Tracking")
class LiveEventsController {

    private final LiveUpdates live;

    LiveEventsController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping("/shipments/{id}/events")
    @Operation(summary = "Follow a shipment live (SSE)", description = "Its history, then every status change "
            + "and scan as a `shipment.status` event; a comment every 20 s keeps the stream alive; the stream "
            + "ends after a final status. 404 when the caller may not see the shipment.")
    SseEmitter follow(Caller caller, @PathVariable String id) throws Exception {
        return stream(live.shipment(caller, id));
    }

    @GetMapping("/track/{trackingNumber}/events")
    @SecurityRequirements
    @Operation(summary = "Follow a shipment live by tracking number (SSE, public)", description = "Redacted like "
            + "/track/{tracking_number}: statuses and places only.")
    SseEmitter followPublicly(@PathVariable String trackingNumber) throws Exception {
        return stream(live.publicShipment(trackingNumber));
    }

    private SseEmitter stream(LiveUpdates.Subscription subscription) throws Exception {
        SseEmitter emitter = new SseEmitter(0L);
        SseClient client = new SseClient(emitter);
        emitter.onCompletion(() -> live.disconnect(client));
        emitter.onTimeout(() -> live.disconnect(client));
        emitter.onError(failure -> live.disconnect(client));
        live.connect(client, subscription);
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
            emitter.complete();
        }
    }
}
