package io.waybill.reporting;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.network.HubCreated;
import io.waybill.network.HubDeleted;
import io.waybill.network.HubUpdated;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link HubNames} from the network module's {@code hub.created}, {@code hub.updated} and
 * {@code hub.deleted} events. A consumer group of its own: the names have nothing to wait for in the
 * counters' events, nor they in these.
 */
@Component
class HubDirectory implements EventHandler {

    private final HubNames hubs;

    HubDirectory(HubNames hubs) {
        this.hubs = hubs;
    }

    @Override
    public String group() {
        return "reporting-hubs";
    }

    @Override
    public Set<String> topics() {
        return Set.of(HubCreated.TOPIC, HubUpdated.TOPIC, HubDeleted.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case HubCreated.TOPIC -> {
                HubCreated created = event.payloadAs(HubCreated.class);
                hubs.store(created.hubId(), created.hubName(), created.city(), created.occurredAt());
            }
            case HubUpdated.TOPIC -> {
                HubUpdated updated = event.payloadAs(HubUpdated.class);
                hubs.store(updated.hubId(), updated.hubName(), updated.city(), updated.occurredAt());
            }
            case HubDeleted.TOPIC -> {
                HubDeleted deleted = event.payloadAs(HubDeleted.class);
                hubs.remove(deleted.hubId(), deleted.occurredAt());
            }
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }
}
