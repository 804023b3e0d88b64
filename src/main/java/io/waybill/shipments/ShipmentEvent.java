package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.util.UUID;

/** An event about one shipment, keyed by it so that a shipment's events stay in order. */
@NamedInterface("events")
public interface ShipmentEvent extends DomainEvent {

    UUID shipmentId();

    @Override
    default String key() {
        return shipmentId().toString();
    }
}
