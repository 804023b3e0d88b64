package io.waybill.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A one-time token sent by email to prove that its reader holds the address: to verify it, or to
 * set a new password; or the code a sign-in with an identity provider hands to the browser, traded
 * for the account's tokens. The server keeps only its hash. It is good once, until it expires.
 */
public record AccountToken(UUID id, UUID userId, Purpose purpose, byte[] tokenHash, Instant issuedAt,
        Instant expiresAt, Instant usedAt) {

    /** What a token is for, and how long it stays good. */
    public enum Purpose {
        VERIFY_EMAIL(Duration.ofHours(24)), RESET_PASSWORD(Duration.ofMinutes(30)),
        /** Long enough for a browser to follow a redirect or an app to make one call. */
        PROVIDER_SIGN_IN(Duration.ofSeconds(60));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A new token and its secret value, which goes into the email and is never stored. */
    public record Issued(String value, AccountToken token) {
    }

    static Issued issue(UUID userId, Purpose purpose, Instant now) {
        String value = OneTimeSecret.generate();
        return new Issued(value, new AccountToken(UUID.randomUUID(), userId, purpose, OneTimeSecret.hash(value), now,
                now.plus(purpose.lifetime()), null));
    }

    public boolean isRedeemableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
