package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An account was created: the {@code user.created} event, keyed by the user. A new account's address
 * is not verified yet; {@link UserUpdated} says when it is.
 */
@NamedInterface("events")
public record UserRegistered(UUID userId, String role, String email, String fullName, String phone,
        Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "user.created";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
