package io.waybill.identity;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Role;
import io.waybill.security.AccountRecords;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the system about a change to an account or an API key, in the transaction of
 * the change: the event for other modules and services, and the security module's copy of this
 * process at once, so that this process refuses a revoked token or key from the very next request
 * instead of when its own event comes back. One place for both, so that no change does one and
 * forgets the other.
 */
@Component
class AccountAnnouncements {

    private final EventPublisher events;
    private final AccountRecords records;

    AccountAnnouncements(EventPublisher events, AccountRecords records) {
        this.events = events;
        this.records = records;
    }

    void registered(User user) {
        records.record(user.id(), user.role(), null, user.createdAt());
        events.publish(new UserRegistered(user.id(), user.role().wireName(), user.email().value(), user.fullName(),
                user.phone(), user.createdAt()));
    }

    /** The account's tokens issued before {@code revokedAt} no longer count (logout everywhere, password reset). */
    void tokensRevoked(User user, Instant revokedAt) {
        records.record(user.id(), user.role(), revokedAt, user.isDisabled(), revokedAt);
        events.publish(UserUpdates.of(user, revokedAt));
    }

    /** The owner proved they read the address; {@code tokensRevokedAt} is unchanged (null: never revoked). */
    void emailVerified(User user, Instant tokensRevokedAt, Instant at) {
        records.record(user.id(), user.role(), tokensRevokedAt, user.isDisabled(), at);
        events.publish(UserUpdates.of(user, tokensRevokedAt, at));
    }

    /**
     * An admin ({@code by}) changed the account's role or whether it is disabled, at {@code at}: its
     * whole state for the copies, and the fact of a suspension ({@code user.disabled}, on which live
     * streams end) or a reinstatement ({@code user.enabled}). {@code tokensRevokedAt}: since when its
     * tokens count (null: always).
     */
    void changedByAdmin(User user, UUID by, Instant tokensRevokedAt, boolean disabled, boolean enabled, Instant at) {
        records.record(user.id(), user.role(), tokensRevokedAt, user.isDisabled(), at);
        events.publish(UserUpdates.of(user, tokensRevokedAt, at));
        if (disabled) {
            events.publish(new UserDisabled(user.id(), user.role().wireName(), by, at));
        }
        if (enabled) {
            events.publish(new UserEnabled(user.id(), user.role().wireName(), by, at));
        }
    }

    void deleted(User user, Instant at) {
        records.forget(user.id(), user.role(), at);
        events.publish(new UserDeleted(user.id(), user.role().wireName(), at));
    }

    void keyIssued(ApiKey key, Role ownerRole) {
        records.recordKey(key.id(), key.userId(), key.keyHash(),
                new AccountRecords.KeyTerms(ownerRole, key.scopes(), key.expiresAt(), key.requestsPerMinute()),
                key.createdAt());
        events.publish(new ApiKeyIssued(key.id(), key.userId(), HexFormat.of().formatHex(key.keyHash()),
                ownerRole.wireName(), key.scopes().stream().map(ApiScope::wireName).sorted().toList(),
                key.expiresAt(), key.requestsPerMinute(), key.createdAt()));
    }

    void keyRevoked(ApiKey key, Instant at) {
        records.revokeKey(key.id(), key.userId(), at);
        events.publish(new ApiKeyRevoked(key.id(), key.userId(), at));
    }
}
