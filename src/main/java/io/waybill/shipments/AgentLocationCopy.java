package io.waybill.shipments;

import io.waybill.delivery.AgentLocationRecorded;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps the agents' latest positions from the delivery module's {@code agent.location_recorded}
 * events. Idempotent and order-proof: the newest {@code recorded_at} wins.
 */
@Component
class AgentLocationCopy implements EventHandler {

    private final AgentLocations locations;

    AgentLocationCopy(AgentLocations locations) {
        this.locations = locations;
    }

    @Override
    public String group() {
        return "shipments-agent-locations";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgentLocationRecorded.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!AgentLocationRecorded.TOPIC.equals(event.type())) {
            return;
        }
        AgentLocationRecorded recorded = event.payloadAs(AgentLocationRecorded.class);
        locations.record(recorded.agentId(), new AgentLocation(recorded.lat(), recorded.lon(), recorded.accuracyM(),
                recorded.recordedAt()));
    }
}
