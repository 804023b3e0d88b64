package io.waybill.shipments;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records on the shipment the hub that the network module assigned it ({@code shipment.hub_assigned}). */
@Component
class HubRouting implements EventHandler {

    /** The network's {@code HubAssigned}, known here by its type: network depends on shipments, not back. */
    static final String HUB_ASSIGNED = "shipment.hub_assigned";

    private final ShipmentService shipments;

    HubRouting(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Override
    public String group() {
        return "shipments";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgentAssigned.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (HUB_ASSIGNED.equals(event.type())) {
            shipments.routeToHub(UUID.fromString(event.payload().get("shipment_id").asString()),
                    UUID.fromString(event.payload().get("hub_id").asString()));
        }
    }
}
