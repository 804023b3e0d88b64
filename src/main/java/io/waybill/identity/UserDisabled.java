package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An admin suspended an account: the {@code user.disabled} event, keyed by the user. Its tokens,
 * refresh tokens and API keys stopped counting with it ({@link UserUpdated} carries the state the
 * account copies keep); modules that hold something open for it (live streams) end it.
 */
@NamedInterface("events")
public record UserDisabled(UUID userId, String role, UUID byUserId, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "user.disabled";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
