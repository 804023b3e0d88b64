package io.waybill.identity;

import java.time.Instant;
import java.util.UUID;

/** An account was created (the {@code user.created} event). */
public record UserRegistered(UUID userId, String role, Instant occurredAt) {
}
