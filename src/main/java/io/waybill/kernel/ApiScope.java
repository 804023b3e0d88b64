package io.waybill.kernel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may be used for, chosen when it is issued. A key acts for its owner, so it may do
 * only what both its scopes and its owner's role allow: {@link #allowedFor} is the most a role's
 * keys may hold. The wire form is {@code tracking:read}, {@code shipments:write}, {@code scans:write}.
 */
public enum ApiScope {
    /** Read the shipments and tracking the owner may see, including public and bulk tracking. */
    TRACKING_READ("tracking:read"),
    /** Book, edit and cancel the owner's shipments, and give delivery instructions (a shop booking for its customers). */
    SHIPMENTS_WRITE("shipments:write"),
    /** Scans, tracking updates, status changes, proof of delivery and location reports of an agent (scanner apps). */
    SCANS_WRITE("scans:write");

    private final String wireName;

    ApiScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiScope> fromWire(String value) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(value)).findFirst();
    }

    /**
     * The scopes a key of an account with this role may hold: a customer's keys read and book, an
     * agent's keys read and scan. Admins have no keys: an admin key would be a credential that
     * outlives every logout and could do everything.
     */
    public static Set<ApiScope> allowedFor(Role role) {
        return switch (role) {
            case CUSTOMER -> EnumSet.of(TRACKING_READ, SHIPMENTS_WRITE);
            case AGENT -> EnumSet.of(TRACKING_READ, SCANS_WRITE);
            case ADMIN, PLATFORM -> EnumSet.noneOf(ApiScope.class);
        };
    }
}
