package io.waybill.notifications;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A subscription of a URL to event types, acting for its owner. What it receives follows the
 * owner's account as it is now, not as it was at subscription: an admin's receives the events of
 * every shipment, a customer's those of their own shipments only, and nobody else's (a deleted
 * account, an agent) receives anything. It is disabled, with the reason, when its owner's account is
 * deleted or when a delivery keeps failing past the retry period; a disabled subscription stays
 * only for its delivery log.
 *
 * <p>What may be subscribed is decided in {@link #subscribe}: where its host points now is the one
 * check left to the caller, since it needs DNS.
 */
public record Webhook(UUID id, UUID ownerId, String url, List<String> events, String secret, boolean active,
        Instant createdAt, Instant disabledAt, String disabledReason) {

    static final Set<String> CUSTOMER_EVENTS = Set.of("shipment.created", "shipment.status.updated",
            "shipment.delivered");
    static final Set<String> ADMIN_EVENTS = Set.of("shipment.created", "shipment.status.updated",
            "shipment.delivered", "shipment.assigned");
    static final String OWNER_GONE = "the owner's account was deleted";
    static final int MAX_URL_LENGTH = 2000;

    public Webhook {
        events = List.copyOf(events);
    }

    /** Every event type some webhook may subscribe to (an admin's may take them all), sorted. */
    public static List<String> eventTypes() {
        return ADMIN_EVENTS.stream().sorted().toList();
    }

    /**
     * A new, active subscription for this owner, refusing what it may never be: an owner whose role
     * has no webhooks, a URL too long or of the wrong form (checked without DNS), no event types, or
     * one the owner's role may not receive. Event types named twice are kept once, in the order given.
     */
    static Webhook subscribe(Caller owner, String url, List<String> events, WebhookUrlPolicy urls, String secret,
            Instant at) {
        Set<String> allowed = eventsFor(owner.role());
        if (allowed.isEmpty()) {
            throw new ForbiddenException("Only customers and admins have webhooks.");
        }
        if (url != null && url.length() > MAX_URL_LENGTH) {
            throw new InvalidRequestException("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        urls.formRefusal(url).ifPresent(reason -> {
            throw new InvalidRequestException("url", reason);
        });
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events", "must list at least one of " + String.join(", ", allowed));
        }
        for (String event : events) {
            if (event == null || !allowed.contains(event)) {
                throw new InvalidRequestException("events", "must be among " + String.join(", ", allowed));
            }
        }
        return new Webhook(UUID.randomUUID(), owner.userId(), url, List.copyOf(new LinkedHashSet<>(events)), secret,
                true, at, null, null);
    }

    /** The event types an account with this role may subscribe to; none for a role without webhooks. */
    static Set<String> eventsFor(Role role) {
        return switch (role) {
            case ADMIN -> ADMIN_EVENTS;
            case CUSTOMER -> CUSTOMER_EVENTS;
            case AGENT, PLATFORM -> Set.of();
        };
    }

    /**
     * Whether this subscription wants an event of this type about a shipment of this customer, given
     * its owner's role now (empty: the account is gone).
     */
    public boolean wants(String eventType, UUID shipmentCustomer, Optional<Role> ownerRole) {
        return active && events.contains(eventType) && ownerRole.isPresent()
                && eventsFor(ownerRole.get()).contains(eventType)
                && (ownerRole.get() == Role.ADMIN || ownerId.equals(shipmentCustomer));
    }

    /** Whether its owner, with this role now (empty: the account is gone), may still be sent anything. */
    public static boolean ownerMayReceive(Optional<Role> ownerRole) {
        return ownerRole.filter(role -> !eventsFor(role).isEmpty()).isPresent();
    }

    /** Whether an owner with this role sees every shipment's events (an admin) or only their own. */
    public static boolean seesAllShipments(Optional<Role> ownerRole) {
        return ownerRole.filter(role -> role == Role.ADMIN).isPresent();
    }
}
