package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An account changed: the {@code user.updated} event, keyed by the user. It carries the account's
 * whole state as of {@code occurredAt}, not a difference, so a module keeping a copy (the security
 * module's accounts, the notifications module's recipients) replaces its row with the newest one and
 * a replayed or late event changes nothing. {@code tokensRevokedAt} is when the owner last logged out
 * everywhere or reset the password: access tokens issued before it no longer count.
 * {@code emailVerified} says whether the owner proved they read the address (by the verification
 * mail or a password reset): until then nothing but identity's own mail may go there.
 * {@code disabled} says whether an admin suspended the account: while it is, its tokens and API
 * keys count for nothing, as for a deleted account, but it comes back when enabled.
 */
@NamedInterface("events")
public record UserUpdated(UUID userId, String role, String email, String fullName, String phone,
        boolean emailVerified, Instant tokensRevokedAt, Boolean disabled, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "user.updated";

    /** Events written before accounts could be disabled have no {@code disabled}: such an account was enabled. */
    public UserUpdated {
        disabled = Boolean.TRUE.equals(disabled);
    }

    /** An account's state as events before disabling existed carried it: enabled. */
    public UserUpdated(UUID userId, String role, String email, String fullName, String phone, boolean emailVerified,
            Instant tokensRevokedAt, Instant occurredAt) {
        this(userId, role, email, fullName, phone, emailVerified, tokensRevokedAt, false, occurredAt);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
