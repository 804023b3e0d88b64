package io.waybill.shipments;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** Who pays for a shipment, and when: the sender at booking, or the recipient at the door. */
@NamedInterface("events")
public enum PaymentMethod {
    PREPAID, CASH_ON_DELIVERY;

    public String wireName() {
        return WireName.of(this);
    }

    public static Optional<PaymentMethod> fromWire(String value) {
        return WireName.parse(values(), value);
    }

    public static String allWireNames() {
        return WireName.all(values());
    }
}
