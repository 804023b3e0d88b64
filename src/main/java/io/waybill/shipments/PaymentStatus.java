package io.waybill.shipments;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Where the cash of a cash-on-delivery shipment is: still to be {@code pending} at the door,
 * {@code collected} by its agent, {@code remitted} by the agent to the company, or {@code refunded}
 * to the customer afterwards. A prepaid shipment has none.
 */
@NamedInterface("events")
public enum PaymentStatus {
    PENDING, COLLECTED, REMITTED, REFUNDED;

    public String wireName() {
        return WireName.of(this);
    }

    public static Optional<PaymentStatus> fromWire(String value) {
        return WireName.parse(values(), value);
    }
}
