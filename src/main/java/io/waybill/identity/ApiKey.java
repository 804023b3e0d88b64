package io.waybill.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A key an integration sends as {@code X-API-Key} to act as one delivery agent. Its value starts
 * with {@value #MARK} so that it is recognisable wherever it leaks (logs, repositories, secret
 * scanners); the server keeps only its hash and its first characters. Revoking is final.
 */
public record ApiKey(UUID id, UUID agentId, String name, String prefix, byte[] keyHash, UUID createdBy,
        Instant createdAt, Instant revokedAt) {

    public static final String MARK = "wbk_";
    static final int PREFIX_LENGTH = MARK.length() + 8;

    /** A new key and its value, which is shown to the admin once and never stored. */
    public record Issued(String value, ApiKey key) {
    }

    static Issued issue(UUID agentId, String name, UUID createdBy, Instant now) {
        String value = MARK + OneTimeSecret.generate();
        return new Issued(value, new ApiKey(UUID.randomUUID(), agentId, name.trim(), value.substring(0, PREFIX_LENGTH),
                OneTimeSecret.hash(value), createdBy, now, null));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
