package io.waybill.network;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Frees the vehicle of an agent who is one no longer: deleted ({@code user.deleted}) or given another
 * role ({@code user.updated}). A suspended agent keeps theirs. The events are read by their published
 * contract (topic and snake_case payload fields, docs/API.md), as the security module reads them, so
 * that network needs none of identity's types. Unassigning twice changes nothing, so a redelivery is
 * harmless; a late {@code user.updated} of an agent who is still an agent unassigns nothing.
 */
@Component
class VehicleAgents implements EventHandler {

    static final String USER_UPDATED = "user.updated";
    static final String USER_DELETED = "user.deleted";

    private final NetworkRepository network;

    VehicleAgents(NetworkRepository network) {
        this.network = network;
    }

    @Override
    public String group() {
        return "network-vehicle-agents";
    }

    @Override
    public Set<String> topics() {
        return Set.of(USER_UPDATED, USER_DELETED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        var payload = event.payload();
        if (!payload.hasNonNull("user_id")) {
            return;
        }
        boolean stillAnAgent = USER_UPDATED.equals(event.type()) && payload.hasNonNull("role")
                && "agent".equals(payload.get("role").asString());
        if (!stillAnAgent) {
            network.unassignAgent(UUID.fromString(payload.get("user_id").asString()));
        }
    }
}
