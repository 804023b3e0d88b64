package io.waybill.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The notifications module's read model of accounts ({@code notifications.recipients}), fed by
 * identity's {@code user.created}, {@code user.updated} and {@code user.deleted} events. Each event
 * carries an account's whole state, so a write replaces the row only with a newer state: events of
 * different topics may arrive in any order, and a replayed one changes nothing.
 */
public interface Recipients {

    /** The account as last seen, a deleted one included; empty if no event about it has arrived yet. */
    Optional<Recipient> find(UUID userId);

    /** Stores the account's state as of {@code state.asOf()}, unless a newer state or a tombstone is stored. */
    void store(Recipient state);

    /** Marks the account deleted for good and forgets its address, name and phone. */
    void tombstone(UUID userId, String role, Instant deletedAt);
}
