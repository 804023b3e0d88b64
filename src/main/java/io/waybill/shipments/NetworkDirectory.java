package io.waybill.shipments;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@link NetworkCopy} from the network module's lane and hub events (the hubs' names, cities and
 * zones: the module's only copy of the hubs, which labels read too). They are read by their
 * type and payload fields, not the network's classes: the network module depends on this one's
 * events, not back (as {@link HubRouting} reads {@code shipment.hub_assigned}). A consumer group of
 * its own, so the copy never waits for, nor holds up, hub routing.
 */
@Component
class NetworkDirectory implements EventHandler {

    static final String LANE_CREATED = "lane.created";
    static final String LANE_UPDATED = "lane.updated";
    static final String LANE_DELETED = "lane.deleted";
    static final String HUB_CREATED = "hub.created";
    static final String HUB_UPDATED = "hub.updated";
    static final String HUB_DELETED = "hub.deleted";

    private final NetworkCopy network;

    NetworkDirectory(NetworkCopy network) {
        this.network = network;
    }

    @Override
    public String group() {
        return "shipments-network";
    }

    @Override
    public Set<String> topics() {
        return Set.of(LANE_CREATED, LANE_UPDATED, LANE_DELETED, HUB_CREATED, HUB_UPDATED, HUB_DELETED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode payload = event.payload();
        Instant at = Instant.parse(payload.get("occurred_at").asString());
        switch (event.type()) {
            case LANE_CREATED, LANE_UPDATED -> network.storeLane(id(payload, "lane_id"), new TransitLane(
                    payload.get("origin_city").asString(), payload.get("destination_city").asString(),
                    payload.get("standard_transit_days").asInt(), payload.get("express_transit_days").asInt()), at);
            case LANE_DELETED -> network.removeLane(id(payload, "lane_id"), at);
            case HUB_CREATED, HUB_UPDATED -> network.storeHub(id(payload, "hub_id"), text(payload, "hub_name"),
                    payload.get("city").asString(), text(payload, "time_zone"), at);
            case HUB_DELETED -> network.removeHub(id(payload, "hub_id"), at);
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }

    private static UUID id(JsonNode payload, String field) {
        return UUID.fromString(payload.get(field).asString());
    }

    /** A text field, null when absent (events from before the field) or null. */
    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
