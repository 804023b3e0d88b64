package io.waybill.shipments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The lower-case wire names of the payment enums, read and listed one way. */
final class WireName {

    private WireName() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(E[] values, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String trimmed = wire.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(value -> of(value).equals(trimmed)).findFirst();
    }

    static String all(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(WireName::of).toList());
    }
}
