package io.waybill.linehaul;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a flight is: {@code scheduled}, {@code delayed} (again, with a later time), then
 * {@code departed} and {@code landed}; or {@code cancelled} before departure, or {@code diverted}.
 * The last three are final.
 */
public enum FlightStatus {
    SCHEDULED, DELAYED, DEPARTED, LANDED, CANCELLED, DIVERTED;

    Set<FlightStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(DELAYED, DEPARTED, CANCELLED, DIVERTED);
            case DELAYED -> EnumSet.of(DELAYED, DEPARTED, CANCELLED, DIVERTED);
            case DEPARTED -> EnumSet.of(LANDED, DIVERTED);
            case LANDED, CANCELLED, DIVERTED -> EnumSet.noneOf(FlightStatus.class);
        };
    }

    public boolean canMoveTo(FlightStatus status) {
        return next().contains(status);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FlightStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.wireName().equals(wire)).findFirst();
    }
}
