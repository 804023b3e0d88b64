package io.waybill.shipments;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@link KnownHubs} from the network module's {@code hub.created}, {@code hub.updated} and
 * {@code hub.deleted} events, known here by their types and fields: network depends on shipments,
 * not back. A consumer group of its own, so that hub names never wait for routing or the other way.
 */
@Component
class HubNameFeed implements EventHandler {

    static final String HUB_CREATED = "hub.created";
    static final String HUB_UPDATED = "hub.updated";
    static final String HUB_DELETED = "hub.deleted";

    private final KnownHubs hubs;

    HubNameFeed(KnownHubs hubs) {
        this.hubs = hubs;
    }

    @Override
    public String group() {
        return "shipments-hubs";
    }

    @Override
    public Set<String> topics() {
        return Set.of(HUB_CREATED, HUB_UPDATED, HUB_DELETED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode payload = event.payload();
        UUID hubId = UUID.fromString(payload.get("hub_id").asString());
        Instant asOf = Instant.parse(payload.get("occurred_at").asString());
        switch (event.type()) {
            case HUB_CREATED, HUB_UPDATED -> hubs.store(hubId, text(payload, "hub_name"), text(payload, "city"), asOf);
            case HUB_DELETED -> hubs.remove(hubId, asOf);
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
