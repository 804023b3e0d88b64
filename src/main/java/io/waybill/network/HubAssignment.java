package io.waybill.network;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.EventPublisher;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.ShipmentBooked;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Routes each newly booked shipment to the hub of its source city ({@link HubChoice}) and
 * announces it on {@code shipment.assigned}. A shipment from a city without a hub stays unrouted.
 */
@Component
class HubAssignment implements EventHandler {

    private final NetworkService network;
    private final EventPublisher events;
    private final Clock clock;

    HubAssignment(NetworkService network, EventPublisher events, Clock clock) {
        this.network = network;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "network";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ShipmentBooked.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        ShipmentBooked booked = event.payloadAs(ShipmentBooked.class);
        HubChoice.forAddress(network.allHubs(), booked.sourceAddress())
                .ifPresent(hub -> events.publish(new HubAssigned(booked.shipmentId(), hub.id(), hub.hubName(),
                        hub.city(), clock.instant())));
    }
}
