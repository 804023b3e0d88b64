package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An account was deleted: the {@code user.deleted} event, keyed by the user. Modules that act for
 * a user (webhooks, live streams) stop doing so when they see it.
 */
@NamedInterface("events")
public record UserDeleted(UUID userId, String role, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "user.deleted";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
