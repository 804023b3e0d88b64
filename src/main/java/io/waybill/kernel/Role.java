package io.waybill.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of account. The wire form is the lower-case name. Customers, agents and admins belong to
 * a tenant; a platform operator runs the deployment's tenants ({@code /platform/tenants}) and is no
 * tenant's admin: it is made by configuration only, never asked for in a request.
 */
public enum Role {
    CUSTOMER, AGENT, ADMIN, PLATFORM;

    public static final String ONE_OF = "must be one of customer, agent, admin";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tenant's role as a request names it; refuses anything else with a 422 naming the field. */
    public static Role parse(String field, String value) {
        return fromRequest(value).orElseThrow(() -> new InvalidRequestException(field, ONE_OF));
    }

    /** A tenant's role as a request may name it: never {@link #PLATFORM}. */
    public static Optional<Role> fromRequest(String value) {
        return fromWire(value).filter(role -> role != PLATFORM);
    }

    public boolean isPlatform() {
        return this == PLATFORM;
    }

    public static Optional<Role> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.wireName().equals(wire)).findFirst();
    }
}
