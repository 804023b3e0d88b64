package io.waybill.shipments;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** How the recipient paid the agent at the door. */
@NamedInterface("events")
public enum CollectionMethod {
    CASH, CARD, UPI;

    public String wireName() {
        return WireName.of(this);
    }

    public static Optional<CollectionMethod> fromWire(String value) {
        return WireName.parse(values(), value);
    }

    public static String allWireNames() {
        return WireName.all(values());
    }
}
