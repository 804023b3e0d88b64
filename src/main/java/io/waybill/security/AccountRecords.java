package io.waybill.security;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the security module's copy of accounts and API keys. The identity module calls it in the
 * transaction of each change, so that the change holds in its own process at once (a logout
 * everywhere, a deleted account, a revoked key refuse the very next request); the security module's
 * consumer of identity's events applies the same facts in every other service. Every call is
 * idempotent and order-proof: a state replaces only an older one, and deletions and revocations
 * are final.
 */
public interface AccountRecords {

    /**
     * The account's whole state as of {@code asOf}: stored unless the copy holds a newer state or
     * the account is deleted. A disabled account's tokens and keys are refused while it is, as a
     * deleted one's, but a newer enabled state brings it back.
     */
    void record(UUID userId, Role role, Instant tokensRevokedAt, boolean disabled, Instant asOf);

    /** The whole state of an account that is not disabled. */
    default void record(UUID userId, Role role, Instant tokensRevokedAt, Instant asOf) {
        record(userId, role, tokensRevokedAt, false, asOf);
    }

    /** The account was deleted at {@code deletedAt}: its tokens and keys are refused from now on, for good. */
    void forget(UUID userId, Role role, Instant deletedAt);

    /**
     * A key was issued for the account. {@code keyHash} is the SHA-256 of the key's UTF-8 bytes
     * ({@link ApiKeyLookup} hashes a presented key the same way); the key itself is never passed.
     */
    void recordKey(UUID keyId, UUID userId, byte[] keyHash, KeyTerms terms, Instant issuedAt);

    /**
     * What a key was issued for: the owner's role then (for a service that has not heard of the
     * account yet), its scopes (null: every scope the owner's role allows, as for keys issued before
     * scopes existed), when it expires (null: never) and its own rate limit (null: the default).
     */
    record KeyTerms(Role role, Set<ApiScope> scopes, Instant expiresAt, Integer requestsPerMinute) {

        /** A key issued before keys had terms: an agent's, with every scope, for good, at the default limit. */
        public static final KeyTerms LEGACY = new KeyTerms(Role.AGENT, null, null, null);
    }

    /** The key was revoked at {@code revokedAt}: refused from now on, for good. */
    void revokeKey(UUID keyId, UUID userId, Instant revokedAt);
}
