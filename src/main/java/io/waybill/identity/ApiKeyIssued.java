package io.waybill.identity;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key was issued for a customer or an agent: the {@code api_key.issued} event, keyed by the
 * user so that one account's key events stay in order. {@code keyHash} is the SHA-256 of the key's
 * UTF-8 bytes in lower-case hex, the form identity stores: a service checks a presented key against
 * it without the key ever leaving identity's answer. {@code role} is the owner's role at issue,
 * {@code scopes} the key's scopes by wire name, {@code expiresAt} and {@code requestsPerMinute} null
 * when it has none (never expires; the server's default limit).
 */
@NamedInterface("events")
public record ApiKeyIssued(UUID keyId, UUID userId, String keyHash, String role, List<String> scopes,
        Instant expiresAt, Integer requestsPerMinute, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "api_key.issued";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return userId.toString();
    }
}
