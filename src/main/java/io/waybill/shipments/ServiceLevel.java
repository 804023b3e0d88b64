package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** How fast a customer wants a shipment carried, chosen at booking: it picks the lane's transit days. */
public enum ServiceLevel {
    STANDARD, EXPRESS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a client named in {@code field}; absent means standard, anything else is a 422. */
    public static ServiceLevel parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return STANDARD;
        }
        String wire = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(level -> level.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "must be one of "
                        + String.join(", ", Arrays.stream(values()).map(ServiceLevel::wireName).toList())));
    }

    /** A stored wire name; null (rows from before service levels) reads as standard. */
    public static ServiceLevel fromStored(String wire) {
        return wire == null ? STANDARD : valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
