package io.waybill.shipments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the customer wants after a failed delivery attempt: another attempt on a date, holding the
 * parcel at the hub for collection, or its return. {@code afterAttempt} is the failed attempt it answers.
 */
public record DeliveryInstruction(Action action, LocalDate reattemptOn, int afterAttempt, UUID givenBy,
        Instant givenAt) {

    public enum Action {
        REATTEMPT, HOLD_AT_HUB, RETURN_TO_SENDER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> fromWire(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String wire = value.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(action -> action.wireName().equals(wire)).findFirst();
        }

        public static String allWireNames() {
            return String.join(", ", Arrays.stream(values()).map(Action::wireName).toList());
        }
    }
}
