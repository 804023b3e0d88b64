package io.waybill.shipments;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A delivery agent's round: the shipments assigned to them that are still to be done, in the order
 * they are worked through. Waybill plans no routes yet: the stops at the door come first, then the
 * ones to try again, then those still on their way (in transit, picked up, booked); within each, by
 * the promised date (the most urgent first, those without one last), then by destination address so
 * that a street's stops are together.
 */
public final class DeliveryRound {

    /** Where a shipment stands in a round, by its status; a final status has no place in it. */
    private static final List<ShipmentStatus> BY_STATUS = List.of(ShipmentStatus.OUT_FOR_DELIVERY,
            ShipmentStatus.DELIVERY_FAILED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.PICKED_UP,
            ShipmentStatus.CREATED);

    /** The order of the round. */
    public static final Comparator<ShipmentView> ORDER = Comparator
            .comparingInt((ShipmentView shipment) -> BY_STATUS.indexOf(shipment.status()))
            .thenComparing(ShipmentView::promisedDeliveryDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(shipment -> shipment.details().destinationAddress(), String.CASE_INSENSITIVE_ORDER);

    private DeliveryRound() {
    }

    /** Of an agent's shipments, those still to be done (no final status), in the order of the round. */
    public static List<ShipmentView> of(Collection<ShipmentView> assigned) {
        return assigned.stream().filter(shipment -> !shipment.status().isFinal()).sorted(ORDER).toList();
    }
}
