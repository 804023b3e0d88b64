package io.waybill.notifications;

import io.waybill.identity.UserDeleted;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Disables every webhook of an account when the account is deleted, and cancels their pending
 * deliveries, so that nothing more is sent on behalf of someone who no longer has access. Planning
 * and sending check the owner again themselves, since this event may arrive after them.
 */
@Component
class WebhookOwnerWatch implements EventHandler {

    private final WebhookStore store;
    private final Clock clock;

    WebhookOwnerWatch(WebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "webhook-owners";
    }

    @Override
    public Set<String> topics() {
        return Set.of(UserDeleted.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        store.disableAllOf(event.payloadAs(UserDeleted.class).userId(), clock.instant(), Webhook.OWNER_GONE);
    }
}
