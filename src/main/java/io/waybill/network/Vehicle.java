package io.waybill.network;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** A vehicle of the fleet, optionally based at a hub. */
public record Vehicle(UUID id, String registrationNumber, Type type, BigDecimal capacityKg, UUID hubId,
        Status status, Instant createdAt) {

    public enum Type { BIKE, CAR, VAN, TRUCK }

    public enum Status { AVAILABLE, IN_SERVICE, MAINTENANCE, RETIRED }

    public Vehicle {
        registrationNumber = SingleLineText.required("registration_number", registrationNumber, 40)
                .toUpperCase(Locale.ROOT);
        if (type == null) {
            throw new InvalidRequestException("type", "is required: one of " + wireNames(Type.values()));
        }
        if (capacityKg == null || capacityKg.signum() <= 0 || capacityKg.compareTo(new BigDecimal("100000")) > 0) {
            throw new InvalidRequestException("capacity_kg", "is required: more than 0 and at most 100000");
        }
        if (status == null) {
            status = Status.AVAILABLE;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> kind, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E[] constants = kind.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> constant.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "must be one of " + wireNames(constants)));
    }

    static String wireNames(Enum<?>[] constants) {
        return String.join(", ", Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
