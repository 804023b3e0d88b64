package io.waybill.notifications;

import io.waybill.security.AccountLookup;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>Whom a subscription acts for is asked of the security module's {@link AccountLookup} at each
 * event: the owner's current role decides what the subscription may receive, and a subscription
 * found without a live owner is disabled here as well, not only when {@code user.deleted} arrives
 * (which may come after the events it should have stopped); one whose owner an admin disabled gets
 * nothing while the owner is, and is kept. The lookup is one primary-key read per
 * owner (asked once per owner per event), the read the security layer already makes on every
 * request. How current it is depends on the deployment: in the identity process (and the monolith)
 * it reads the accounts themselves and sees a deletion or a role change at once; in a split
 * deployment the security module answers from its own copy of the accounts, fed by identity's
 * {@code user.*} events, which lags by the event delay, the same as any copy this module kept
 * would, so a second copy here would buy nothing.
 */
@Component
class WebhookPlanner implements EventHandler {

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;
    private final AccountLookup accounts;

    WebhookPlanner(WebhookStore store, WebhookDispatcher dispatcher, JsonMapper json, Clock clock,
            AccountLookup accounts) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public String group() {
        return "webhooks";
    }

    @Override
    public Set<String> topics() {
        return Webhook.ADMIN_EVENTS;
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode customer = event.payload().get("customer_id");
        UUID customerId = customer == null || customer.isNull() ? null : UUID.fromString(customer.asString());
        String body = null;
        Instant now = clock.instant();
        Map<UUID, Optional<Role>> owners = new HashMap<>();
        for (Webhook webhook : store.activeFor(event.topic())) {
            Optional<Role> owner = owners.computeIfAbsent(webhook.ownerId(), accounts::activeRole);
            if (!Webhook.ownerMayReceive(owner)) {
                // A suspended owner receives nothing while suspended, and keeps the subscription for when it is back.
                if (!accounts.isDisabled(webhook.ownerId())) {
                    store.disableAllOf(webhook.ownerId(), now, Webhook.OWNER_GONE);
                }
                continue;
            }
            if (!webhook.wants(event.topic(), customerId, owner)) {
                continue;
            }
            if (body == null) {
                body = envelope(json, event.eventId(), event.type(), event.version(), event.occurredAt(),
                        event.payload());
            }
            store.addDelivery(new WebhookDelivery(UUID.randomUUID(), webhook.id(), event.eventId(), event.type(), body,
                    WebhookDelivery.PENDING, 0, now, now, null, null, null));
        }
        if (body != null) {
            dispatcher.wakeAfterCommit();
        }
    }

    /** The body a receiver gets: the event's envelope, as it is signed and sent. */
    static String envelope(JsonMapper json, UUID eventId, String type, int version, Instant occurredAt,
            JsonNode payload) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("event_id", eventId.toString());
        envelope.put("type", type);
        envelope.put("version", version);
        envelope.put("occurred_at", occurredAt.toString());
        envelope.set("payload", payload);
        return json.writeValueAsString(envelope);
    }
}
