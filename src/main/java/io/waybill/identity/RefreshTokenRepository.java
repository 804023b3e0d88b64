package io.waybill.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where refresh tokens are kept, by hash. */
public interface RefreshTokenRepository {

    void add(RefreshToken token);

    /** Finds a token by its hash and locks it until the transaction ends, so it is redeemed once. */
    Optional<RefreshToken> lockByHash(byte[] tokenHash);

    void markUsed(UUID id, Instant at);

    void revokeFamily(UUID familyId, Instant at);

    void revokeAllOf(UUID userId, Instant at);

    /** Revokes one token, if it belongs to that user. */
    void revoke(byte[] tokenHash, UUID userId, Instant at);
}
