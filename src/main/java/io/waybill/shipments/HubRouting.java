package io.waybill.shipments;

import io.waybill.platform.EventHandler;
import io.waybill.platform.ReceivedEvent;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records on the shipment the hub that the network module assigned it (a {@code shipment.assigned} with a hub). */
@Component
class HubRouting implements EventHandler {

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
        if (event.payload().hasNonNull("hub_id")) {
            shipments.routeToHub(UUID.fromString(event.payload().get("shipment_id").asString()),
                    UUID.fromString(event.payload().get("hub_id").asString()));
        }
    }
}
