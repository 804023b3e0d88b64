package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An admin reinstated a disabled account: the {@code user.enabled} event, keyed by the user. It may
 * sign in again; tokens issued before it was disabled stay refused.
 */
@NamedInterface("events")
public record UserEnabled(UUID userId, String role, UUID byUserId, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "user.enabled";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
