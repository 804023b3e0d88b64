package io.waybill.shipments;

import io.waybill.platform.DomainEvent;
import java.util.UUID;

/** An event about one shipment, keyed by it so that a shipment's events stay in order. */
public interface ShipmentEvent extends DomainEvent {

    UUID shipmentId();

    @Override
    default String key() {
        return shipmentId().toString();
    }
}
