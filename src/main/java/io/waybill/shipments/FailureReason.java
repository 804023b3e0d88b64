package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a delivery attempt failed, as the agent reports it. */
@NamedInterface("events")
public enum FailureReason {
    RECIPIENT_ABSENT, ADDRESS_INCORRECT, REFUSED, ACCESS_ISSUE, WEATHER, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailureReason> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(reason -> reason.wireName().equals(wire)).findFirst();
    }

    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(FailureReason::wireName).toList());
    }
}
