package io.waybill.linehaul;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a bag is in its life: {@code open} (shipments go in and out), {@code sealed}, then the
 * three scans in their order: {@code dispatched} from the origin hub, {@code arrived} at the
 * destination hub, {@code opened} there (its shipments are free again).
 */
public enum BagStatus {
    OPEN, SEALED, DISPATCHED, ARRIVED, OPENED;

    /** The scan that moves a bag to this status follows this one. */
    BagStatus scannedFrom() {
        return switch (this) {
            case DISPATCHED -> SEALED;
            case ARRIVED -> DISPATCHED;
            case OPENED -> ARRIVED;
            case OPEN, SEALED -> null;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A scan's event as a client names it: {@code dispatched}, {@code arrived} or {@code opened}. */
    public static Optional<BagStatus> scanEvent(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.scannedFrom() != null)
                .filter(status -> status.wireName().equals(wire)).findFirst();
    }
}
