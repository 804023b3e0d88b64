package io.waybill.notifications;

import io.waybill.platform.EventHandler;
import io.waybill.platform.ReceivedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a delivery for every active subscription that wants an event: the body is the event's
 * envelope, {@code {event_id, type, version, occurred_at, payload}}, exactly as it will be signed
 * and sent. The {@link WebhookDispatcher} sends it.
 */
@Component
class WebhookPlanner implements EventHandler {

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;

    WebhookPlanner(WebhookStore store, WebhookDispatcher dispatcher, JsonMapper json, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "webhooks";
    }

    @Override
    public Set<String> topics() {
        return WebhookService.ADMIN_EVENTS;
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode customer = event.payload().get("customer_id");
        UUID customerId = customer == null || customer.isNull() ? null : UUID.fromString(customer.asString());
        String body = null;
        Instant now = clock.instant();
        for (Webhook webhook : store.activeFor(event.type())) {
            if (!webhook.wants(event.type(), customerId)) {
                continue;
            }
            if (body == null) {
                body = envelope(event);
            }
            store.addDelivery(new WebhookDelivery(UUID.randomUUID(), webhook.id(), event.eventId(), event.type(), body,
                    WebhookDelivery.PENDING, 0, now, now, null, null, null));
        }
        if (body != null) {
            dispatcher.wakeAfterCommit();
        }
    }

    private String envelope(ReceivedEvent event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("event_id", event.eventId().toString());
        envelope.put("type", event.type());
        envelope.put("version", event.version());
        envelope.put("occurred_at", event.occurredAt().toString());
        envelope.set("payload", event.payload());
        return json.writeValueAsString(envelope);
    }
}
