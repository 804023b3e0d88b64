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
 */
@NamedInterface("events")
public record UserUpdated(UUID userId, String role, String email, String fullName, String phone,
        boolean emailVerified, Instant tokensRevokedAt, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "user.updated";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
