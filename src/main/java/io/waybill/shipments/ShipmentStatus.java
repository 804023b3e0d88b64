package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a shipment is in its life. The transition table below is the only place that says which
 * move is allowed; {@code in_transit -> in_transit} is a new scan at a new location.
 */
@NamedInterface("events")
public enum ShipmentStatus {
    CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED, RETURNED, CANCELLED;

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> ALLOWED = new EnumMap<>(ShipmentStatus.class);

    static {
        ALLOWED.put(CREATED, EnumSet.of(PICKED_UP, IN_TRANSIT, CANCELLED));
        ALLOWED.put(PICKED_UP, EnumSet.of(IN_TRANSIT));
        ALLOWED.put(IN_TRANSIT, EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY));
        ALLOWED.put(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED, DELIVERY_FAILED));
        ALLOWED.put(DELIVERY_FAILED, EnumSet.of(OUT_FOR_DELIVERY, IN_TRANSIT, RETURNED));
        ALLOWED.put(DELIVERED, EnumSet.noneOf(ShipmentStatus.class));
        ALLOWED.put(RETURNED, EnumSet.noneOf(ShipmentStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(ShipmentStatus.class));
    }

    public boolean canMoveTo(ShipmentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<ShipmentStatus> nextAllowed() {
        return Collections.unmodifiableSet(ALLOWED.get(this));
    }

    /** Nothing more can happen to the shipment. */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Anything after booking counts as dispatched: the shipment can no longer be edited or cancelled. */
    public boolean isDispatched() {
        return this != CREATED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ShipmentStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.wireName().equals(wire)).findFirst();
    }

    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(ShipmentStatus::wireName).toList());
    }
}
