package io.waybill.shipments;

import java.util.UUID;

/**
 * A shipment as line haul sees it before it puts it in a bag: where it is routed and how far it
 * went. Read without loading or locking the shipment.
 */
public record ParcelAtHub(UUID shipmentId, TrackingNumber trackingNumber, ShipmentStatus status, UUID hubId) {

    /**
     * Whether it waits at this hub for line haul: routed there and not yet on its way (booked or
     * picked up; once {@code in_transit} it left the hub).
     */
    public boolean awaitsLineHaulFrom(UUID hub) {
        return hub.equals(hubId) && (status == ShipmentStatus.CREATED || status == ShipmentStatus.PICKED_UP);
    }
}
