package io.waybill.network;

import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentService;
import java.util.Comparator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes a newly booked shipment to the hub of its source city: of the hubs whose city appears
 * in the source address, the one with the longest city name (so "New Delhi" beats "Delhi"),
 * then the oldest. A shipment from a city without a hub stays unrouted.
 */
@Component
class HubAssignment {

    private final NetworkService network;
    private final ShipmentService shipments;

    HubAssignment(NetworkService network, ShipmentService shipments) {
        this.network = network;
        this.shipments = shipments;
    }

    @EventListener
    void on(ShipmentBooked booked) {
        network.allHubs().stream()
                .filter(hub -> hub.serves(booked.sourceAddress()))
                .max(Comparator.comparingInt((Hub hub) -> hub.city().length())
                        .thenComparing(Hub::createdAt, Comparator.reverseOrder()))
                .ifPresent(hub -> shipments.routeToHub(booked.shipmentId(), hub.id()));
    }
}
