package io.waybill.identity;

import java.time.Instant;
import java.util.UUID;

/** An account's link to a provider's identity, made by its first sign-in there. */
public record ProviderLink(String issuer, String subject, UUID userId, String registration, String email,
        Instant linkedAt) {
}
