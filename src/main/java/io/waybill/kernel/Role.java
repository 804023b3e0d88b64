package io.waybill.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of account. The wire form is the lower-case name. */
public enum Role {
    CUSTOMER, AGENT, ADMIN;

    public static final String ONE_OF = "must be one of customer, agent, admin";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; refuses anything else with a 422 naming the field. */
    public static Role parse(String field, String value) {
        return fromWire(value).orElseThrow(() -> new InvalidRequestException(field, ONE_OF));
    }

    public static Optional<Role> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.wireName().equals(wire)).findFirst();
    }
}
