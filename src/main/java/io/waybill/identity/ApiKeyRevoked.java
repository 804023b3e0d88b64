package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** An API key was revoked, for good: the {@code api_key.revoked} event, keyed by the user it acted for. */
@NamedInterface("events")
public record ApiKeyRevoked(UUID keyId, UUID userId, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "api_key.revoked";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
