package io.waybill.shipments;

import io.waybill.kernel.ConflictException;

/** The lifecycle does not allow this move from the shipment's current status. */
public class IllegalStatusTransitionException extends ConflictException {

    public IllegalStatusTransitionException(ShipmentStatus from, ShipmentStatus to) {
        super("A shipment that is " + from.wireName() + " cannot become " + to.wireName() + "."
                + (from.isFinal() ? " " + from.wireName() + " is final."
                        : " Allowed next: " + String.join(", ",
                                from.nextAllowed().stream().map(ShipmentStatus::wireName).toList()) + "."));
    }
}
